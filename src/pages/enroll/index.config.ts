export default definePageConfig({ navigationBarTitleText: '填写身份信息' });
