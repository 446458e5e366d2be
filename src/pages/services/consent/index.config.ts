export default definePageConfig({ navigationBarTitleText: '授权确认' });
