export default definePageConfig({ navigationBarTitleText: '升级彩色网证' });
