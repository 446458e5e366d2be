export default definePageConfig({ navigationBarTitleText: '证件管理' });
