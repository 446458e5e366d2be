export default definePageConfig({ navigationBarTitleText: '申领结果' });
