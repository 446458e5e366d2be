export default definePageConfig({ navigationBarTitleText: '核验人员' });
