export default defineAppConfig({
  pages: [
    'pages/cards/index',
    'pages/enroll/index',
    'pages/consent/index',
    'pages/face/index',
    'pages/result/index',
    'pages/card/index',
  ],
  window: {
    navigationBarTitleText: '电子身份证',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#ffffff',
    backgroundTextStyle: 'dark',
  },
});
