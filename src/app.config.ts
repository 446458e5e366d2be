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
  // Rarely used: the staff page, managing the card's life and the services journey load only when opened, keeping the main package small (STYLE.md).
  subPackages: [
    { root: 'pages/staff', pages: ['index', 'upgrade/index'] },
    { root: 'pages/manage', pages: ['index'] },
    { root: 'pages/upgrade', pages: ['index', 'sites/index'] },
    { root: 'pages/services', pages: ['index', 'consent/index', 'grants/index', 'open/index'] },
  ],
  window: {
    navigationBarTitleText: '电子身份证',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#ffffff',
    backgroundTextStyle: 'dark',
  },
});
