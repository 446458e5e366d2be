export default definePageConfig({ navigationBarTitleText: '升级终端' });
