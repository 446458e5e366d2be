export default definePageConfig({ navigationBarTitleText: '模拟升级终端' });
