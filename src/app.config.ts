export default defineAppConfig({
  pages: [
    'pages/cards/index',
    'pages/enroll/index',
    'pages/consent/index',
    'pages/face/index',
    'pages/result/index',
    'pages/card/index',
    'pages/usage/index',
  ],
  // Rarely used: the staff page loads only when opened, keeping the main package small (STYLE.md).
  subPackages: [{ root: 'pages/staff', pages: ['index'] }],
  window: {
    navigationBarTitleText: '电子身份证',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#ffffff',
    backgroundTextStyle: 'dark',
  },
});
