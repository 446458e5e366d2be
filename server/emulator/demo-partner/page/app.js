// The SIMULATED partner's page: takes the one-time code from the address, clears it from the
// address bar and the history at once, and asks its own backend (api/exchange) to exchange it.
(function () {
  var LABELS = {
    verified: '已核验身份 (verified)',
    pseudonym: '匿名编号 (pseudonym)',
    fullName: '完整姓名 (full name)',
    idNumber: '完整身份证号码 (ID number)',
    maskedIdNumber: '部分隐藏的身份证号码 (masked ID number)',
    birthDate: '出生日期 (date of birth)',
    over18: '是否成年 (over 18)',
    region: '所属地区 (region)',
    cardLevel: '电子身份证等级 (card level)',
  };
  var SERVICES = {
    pension: { title: '养老金查询（模拟）', asks: ['birthDate', 'fullName', 'region'] },
    housing: { title: '公积金提取（模拟）', asks: ['fullName', 'idNumber'] },
    residence: { title: '北京居住登记（模拟）', asks: ['maskedIdNumber', 'region', 'cardLevel'] },
  };
  var params = new URLSearchParams(location.search);
  var code = params.get('code');
  var serviceName = SERVICES[params.get('service')] ? params.get('service') : 'pension';
  var service = SERVICES[serviceName];
  if (code) history.replaceState(null, '', location.pathname + '?service=' + serviceName);
  document.getElementById('demo-title').textContent = service.title;
  document.title = service.title + ' · SIMULATED partner';

  var show = function (id) {
    ['demo-loading', 'demo-no-code', 'demo-result', 'demo-error'].forEach(function (other) {
      document.getElementById(other).hidden = other !== id;
    });
  };
  if (!code) return show('demo-no-code');
  show('demo-loading');

  var render = function (answer) {
    if (!answer.ok) {
      document.getElementById('demo-error-message').textContent = answer.message || '';
      document.getElementById('demo-error-code').textContent = answer.code || 'UNKNOWN';
      return show('demo-error');
    }
    var list = document.getElementById('demo-attributes');
    ['verified'].concat(service.asks).forEach(function (scope) {
      var dt = document.createElement('dt');
      dt.textContent = LABELS[scope];
      var dd = document.createElement('dd');
      dd.dataset.scope = scope;
      var value = answer.attributes[scope];
      if (value === undefined) {
        dd.textContent = '未授权 (not granted)';
        dd.className = 'absent';
      } else {
        dd.textContent = value === true ? '是 (yes)' : value === false ? '否 (no)' : String(value);
      }
      list.appendChild(dt);
      list.appendChild(dd);
    });
    document.getElementById('demo-subject').textContent = answer.subject;
    if (serviceName === 'pension') renderPension(answer.subject);
    show('demo-result');
  };

  // Synthetic payments, the same for one pseudonym every time: the service knows you only by it.
  var renderPension = function (subject) {
    var seed = 0;
    for (var i = 0; i < subject.length; i++) seed = (seed * 31 + subject.charCodeAt(i)) >>> 0;
    var box = document.getElementById('demo-service');
    var heading = document.createElement('h2');
    heading.textContent = '养老金发放记录（合成数据）(payments, synthetic)';
    var table = document.createElement('table');
    table.id = 'demo-pension';
    for (var month = 1; month <= 3; month++) {
      var row = table.insertRow();
      row.insertCell().textContent = '2026-0' + month;
      row.insertCell().textContent = '¥' + (3000 + ((seed >> month) % 900)).toFixed(2);
    }
    box.appendChild(heading);
    box.appendChild(table);
  };

  fetch('api/exchange', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: code }) })
    .then(function (response) { return response.json(); })
    .then(render, function () { render({ ok: false, code: 'NETWORK', message: '网络错误 (network error)' }); });
})();
