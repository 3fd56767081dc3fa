/**
 * The console's Eta templates, as strings so that the compiled service carries them (dist/
 * holds JavaScript only). `it` is the view's data, `it.t` its messages; `<%= %>` escapes.
 */
export const CONSOLE_TEMPLATES: Record<string, string> = {
  '@layout': `<!doctype html>
<html lang="<%= it.lang %>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><%= it.pageTitle %> · <%= it.t.title %></title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/assets/console.css">
<meta name="htmx-config" content='{"includeIndicatorStyles": false, "allowEval": false}'>
<script src="/console/assets/htmx.min.js" defer></script>
<script src="/console/assets/console.js" defer></script>
</head>
<body<% if (it.csrf) { %> hx-headers='{"X-CSRF-Token": "<%= it.csrf %>"}'<% } %>>
<a class="skip" href="#main">↓</a>
<header>
  <strong><%= it.t.title %></strong>
  <% if (it.session) { %>
  <nav aria-label="<%= it.t.title %>"><a href="/console/customers"><%= it.t.customers %></a> <a href="/console/tasks"><%= it.t.operations.tasksCalendar %></a> <a href="/console/remittances"><%= it.t.operations.remittances %></a> <a href="/console/dunning"><%= it.t.operations.dunning %></a></nav>
  <form method="post" action="/console/logout" class="logout">
    <input type="hidden" name="_csrf" value="<%= it.csrf %>">
    <span><%= it.session.keyId %></span> <button type="submit"><%= it.t.logout %></button>
  </form>
  <% } %>
</header>
<main id="main">
<%~ it.body %>
</main>
</body>
</html>`,

  '@login': `<h1><%= it.t.login %></h1>
<form method="post" action="/console/login" class="card">
  <% if (it.error) { %><p class="error" role="alert"><%= it.error %></p><% } %>
  <label for="apiKey"><%= it.t.apiKey %></label>
  <input id="apiKey" name="apiKey" type="password" autocomplete="current-password" required autofocus>
  <button type="submit"><%= it.t.login %></button>
  <p class="hint"><%= it.t.loginHint %></p>
</form>`,

  '@customers': `<h1><%= it.t.customers %></h1>
<form method="get" action="/console/customers" role="search" class="search">
  <label for="q"><%= it.t.searchLabel %></label>
  <input id="q" name="q" type="search" value="<%= it.filters.typed.q || '' %>">
  <button type="submit"><%= it.t.search %></button>
  <details<% if (it.filters.advanced) { %> open<% } %>>
    <summary><%= it.t.advancedSearch %></summary>
    <div class="filters">
    <% it.fields.forEach(function (f) { var value = it.filters.typed[f.name] || ''; %>
    <div>
      <label for="f-<%= f.name %>"><%= it.t.filters[f.name] || f.name %></label>
      <% if (f.input === 'select') { %>
      <select id="f-<%= f.name %>" name="<%= f.name %>"><option value=""><%= it.t.any %></option><% f.options.forEach(function (o) { %><option value="<%= o %>"<% if (value === o) { %> selected<% } %>><%= it.t.filterValues[o] || o %></option><% }) %></select>
      <% } else { %>
      <input id="f-<%= f.name %>" name="<%= f.name %>" type="<%= f.input %>" value="<%= value %>">
      <% } %>
    </div>
    <% }) %>
    </div>
    <button type="submit"><%= it.t.search %></button>
  </details>
</form>
<% if (it.filters.problems) { %><p class="error" role="alert"><%= it.filters.problems %></p><% } else if (it.page.items.length === 0) { %><p><%= it.t.noCustomers %></p><% } else { %>
<table>
  <caption><%= it.page.total %> · <%= it.t.page %> <%= it.page.page %></caption>
  <thead><tr><th scope="col"><%= it.t.code %></th><th scope="col"><%= it.t.name %></th><th scope="col"><%= it.t.document %></th><th scope="col"><%= it.t.email %></th><th scope="col"><%= it.t.city %></th><th scope="col"><%= it.t.status %></th><th scope="col"><%= it.t.unpaid %></th></tr></thead>
  <tbody>
  <% it.page.items.forEach(function (c) { %>
  <tr>
    <td><%= c.code || '' %></td>
    <td><a href="/console/customers/<%= c.id %>"><%= c.displayName %></a></td>
    <td><%= c.document ? c.document.number : '' %></td>
    <td><%= c.email || '' %></td>
    <td><%= c.city || '' %></td>
    <td><%= c.status %></td>
    <td class="num"><%= it.money(c.unpaidBalanceCents) %></td>
  </tr>
  <% }) %>
  </tbody>
</table>
<nav aria-label="<%= it.t.page %>" class="pager">
  <% if (it.page.page > 1) { %><a href="?<%= it.filters.queryString %>&amp;page=<%= it.page.page - 1 %>"><%= it.t.previous %></a><% } %>
  <% if (it.page.page * it.page.pageSize < it.page.total) { %><a href="?<%= it.filters.queryString %>&amp;page=<%= it.page.page + 1 %>"><%= it.t.next %></a><% } %>
</nav>
<% } %>`,

  '@customer': `<h1><%= it.file.displayName %></h1>
<section class="card account" aria-labelledby="account-title">
  <h2 id="account-title"><%= it.t.account %></h2>
  <dl>
    <dt><%= it.t.status %></dt><dd><%= it.file.status %></dd>
    <dt><%= it.t.unpaidInvoices %></dt><dd><%= it.file.account.unpaidInvoices %></dd>
    <dt><%= it.t.unpaid %></dt><dd><%= it.money(it.file.account.unpaidBalanceCents) %></dd>
  </dl>
  <% if (it.file.warnings.length > 0) { %>
  <h3><%= it.t.warnings %></h3>
  <ul><% it.file.warnings.forEach(function (w) { %><li><%= w.message || w.code %></li><% }) %></ul>
  <% } %>
</section>
<nav aria-label="<%= it.t.profile %>" class="tabs">
  <% it.tabs.forEach(function (tab) { %>
  <a href="/console/customers/<%= it.file.id %>?tab=<%= tab.id %>" hx-get="/console/customers/<%= it.file.id %>/tabs/<%= tab.id %>" hx-target="#tab" hx-push-url="/console/customers/<%= it.file.id %>?tab=<%= tab.id %>"<% if (tab.id === it.tab) { %> aria-current="page"<% } %>><%= tab.label %></a>
  <% }) %>
  <% if (it.canAudit) { %><a href="/console/customers/<%= it.file.id %>/timeline"><%= it.t.timeline %></a><% } %>
  <% if (it.role !== 'auditor') { %><a href="/console/customers/<%= it.file.id %>/simulation"><%= it.t.operations.cycleSimulation %></a><% } %>
</nav>
<section id="tab" class="card" aria-live="polite">
<%~ it.tabBody %>
</section>`,

  '@tab-profile': `<h2><%= it.t.profile %></h2>
<dl>
  <dt><%= it.t.code %></dt><dd><%= it.file.code || '' %></dd>
  <dt><%= it.t.document %></dt><dd><%= it.file.document ? it.file.document.type + ' ' + it.file.document.number : '' %></dd>
  <dt><%= it.t.email %></dt><dd><%= it.file.email || '' %></dd>
  <dt><%= it.t.phone %></dt><dd><%= [it.file.phone, it.file.mobile].filter(Boolean).join(' · ') %></dd>
  <dt><%= it.t.address %></dt><dd><%= it.addressLine(it.file.address) %></dd>
  <dt><%= it.t.paymentMethod %></dt><dd><%= it.file.billing.paymentMethod || '' %></dd>
  <dt><%= it.t.version %></dt><dd><%= it.file.version %></dd>
</dl>`,

  '@tab-addresses': `<h2><%= it.t.addresses %></h2>
<% if (it.file.addresses.length === 0) { %><p><%= it.t.none %></p><% } else { %>
<ul><% it.file.addresses.forEach(function (a) { %><li><%= a.label || "" %> <%= it.addressLine(a.address) %></li><% }) %></ul>
<% } %>`,

  '@tab-contacts': `<h2><%= it.t.contacts %></h2>
<% if (it.file.contacts.length === 0) { %><p><%= it.t.none %></p><% } else { %>
<ul><% it.file.contacts.forEach(function (c) { %><li><%= c.name %> <%= c.role || '' %> <%= c.email || '' %> <%= c.phone || '' %></li><% }) %></ul>
<% } %>`,

  '@tab-contracts': `<h2><%= it.t.contracts %></h2>
<% if (it.formError && it.formKind !== 'iban') { %><p class="error" role="alert"><%= it.formError %></p><% } %>
<% if (it.contracts.length === 0) { %><p><%= it.t.none %></p><% } %>
<% it.contracts.forEach(function (c) { %>
<section class="contract" aria-labelledby="contract-<%= c.id %>">
  <h3 id="contract-<%= c.id %>"><%= it.t.contract %> <%= c.status %> · <%= c.paymentMethod %></h3>
  <dl>
    <dt><%= it.t.iban %></dt><dd><%= c.maskedIban || '—' %></dd>
    <dt><%= it.t.mandate %></dt><dd><%= c.mandateReference || '—' %></dd>
    <dt><%= it.t.signatory %></dt><dd><%= c.signatory || '—' %></dd>
  </dl>
  <% it.file.warnings.filter(function (w) { return w.contractId === c.id; }).forEach(function (w) { %>
  <p class="warning" role="note">⚠ <%= w.message %></p>
  <% }) %>
  <% if (it.canCommand && c.status === 'signed') { var ibanForm = it.formKind === 'iban' && it.form.contractId === c.id; %>
  <form method="post" action="/console/customers/<%= it.file.id %>/contracts/<%= c.id %>/iban" hx-post="/console/customers/<%= it.file.id %>/contracts/<%= c.id %>/iban" hx-target="#tab" class="inline-form iban">
    <fieldset>
    <legend><%= it.t.changeIban %></legend>
    <input type="hidden" name="_csrf" value="<%= it.csrf %>">
    <% if (ibanForm && it.formError) { %><p class="error" role="alert"><%= it.formError %></p><% } %>
    <label for="iban-<%= c.id %>"><%= it.t.newIban %></label>
    <input id="iban-<%= c.id %>" name="iban" maxlength="42" autocomplete="off" value="<%= ibanForm ? it.form.iban : '' %>">
    <label for="mandate-<%= c.id %>"><%= it.t.mandateReference %></label>
    <input id="mandate-<%= c.id %>" name="mandateReference" maxlength="35" value="<%= ibanForm ? it.form.mandateReference : '' %>">
    <button type="submit"><%= it.t.changeIban %></button>
    </fieldset>
  </form>
  <% } %>
  <% if (c.subscriptions.length > 0) { %>
  <table>
    <caption><%= it.t.subscriptions %></caption>
    <thead><tr><th scope="col"><%= it.t.tariff %></th><th scope="col"><%= it.t.price %></th><th scope="col"><%= it.t.status %></th><th scope="col"><%= it.t.billable %></th><th scope="col"></th></tr></thead>
    <tbody><% c.subscriptions.forEach(function (s) { %>
    <tr data-subscription="<%= s.id %>">
      <td><%= s.tariff %></td><td class="num"><%= it.money(s.monthlyPriceCents) %></td>
      <td class="status"><%= s.status %></td><td><%= s.billable ? it.t.yes : it.t.no %></td>
      <td><% if (it.canCommand) { it.moves(s.status).forEach(function (m) { %>
        <form method="post" action="/console/customers/<%= it.file.id %>/subscriptions/<%= s.id %>/<%= m.move %>" hx-post="/console/customers/<%= it.file.id %>/subscriptions/<%= s.id %>/<%= m.move %>" hx-target="#tab" class="move">
          <input type="hidden" name="_csrf" value="<%= it.csrf %>">
          <% if (m.reason) { %><label for="reason-<%= s.id %>-<%= m.move %>"><%= it.t.reason %></label><input id="reason-<%= s.id %>-<%= m.move %>" name="reason" maxlength="500"><% } %>
          <button type="submit" name="move" value="<%= m.move %>"><%= it.t.moves[m.move] %></button>
        </form>
      <% }) } %></td>
    </tr>
    <% }) %></tbody>
  </table>
  <% } %>
</section>
<% }) %>`,

  '@tab-interactions': `<h2><%= it.t.interactions %></h2>
<% if (it.canCommand) { %>
<form method="post" action="/console/customers/<%= it.file.id %>/interactions" hx-post="/console/customers/<%= it.file.id %>/interactions" hx-target="#tab" class="inline-form">
  <fieldset>
  <legend><%= it.t.recordInteraction %></legend>
  <input type="hidden" name="_csrf" value="<%= it.csrf %>">
  <% if (it.formError) { %><p class="error" role="alert"><%= it.formError %></p><% } %>
  <label for="kind"><%= it.t.kind %></label>
  <select id="kind" name="kind"><% it.kinds.forEach(function (k) { %><option<% if (it.form.kind === k) { %> selected<% } %>><%= k %></option><% }) %></select>
  <label for="direction"><%= it.t.direction %></label>
  <select id="direction" name="direction"><option value=""></option><% it.directions.forEach(function (d) { %><option<% if (it.form.direction === d) { %> selected<% } %>><%= d %></option><% }) %></select>
  <label for="text"><%= it.t.text %></label>
  <textarea id="text" name="text" rows="3"><%= it.form.text || '' %></textarea>
  <button type="submit"><%= it.t.save %></button>
  </fieldset>
</form>
<% } %>
<% if (it.interactions.items.length === 0) { %><p><%= it.t.none %></p><% } else { %>
<ul class="events"><% it.interactions.items.forEach(function (i) { %>
  <li><time datetime="<%= i.recordedAt %>"><%= i.recordedAt %></time> <strong><%= i.kind %></strong> <%= i.direction || '' %> — <%= i.text %> <span class="who"><%= i.actor %></span></li>
<% }) %></ul>
<% } %>`,

  '@tab-history': `<h2><%= it.t.history %></h2>
<% if (it.history.items.length === 0) { %><p><%= it.t.none %></p><% } else { %>
<table>
  <thead><tr><th scope="col"><%= it.t.when %></th><th scope="col"><%= it.t.change %></th><th scope="col"><%= it.t.actor %></th><th scope="col"><%= it.t.via %></th></tr></thead>
  <tbody><% it.history.items.forEach(function (h) { %>
  <tr><td><time datetime="<%= h.occurredAt %>"><%= h.occurredAt %></time></td><td><%= h.summary %></td><td><%= h.actor %></td><td><%= h.via || '' %></td></tr>
  <% }) %></tbody>
</table>
<% } %>`,

  '@timeline': `<h1><%= it.t.timeline %>: <a href="/console/customers/<%= it.id %>"><%= it.displayName %></a></h1>
<form method="get" action="/console/customers/<%= it.id %>/timeline" class="card slider">
  <label for="version"><%= it.t.version %> <output for="version" id="version-shown"><%= it.version %></output> / <%= it.current.version %></label>
  <input id="version" name="version" type="range" min="1" max="<%= it.current.version %>" value="<%= it.version %>" data-shows-in="version-shown">
  <button type="submit"><%= it.t.stateAtVersion %></button>
  <nav aria-label="<%= it.t.version %>" class="versions"><% for (var v = 1; v <= it.current.version; v++) { %><a href="?version=<%= v %>"<% if (v === it.version) { %> aria-current="page"<% } %>><%= v %></a> <% } %></nav>
</form>
<p><%= it.t.changedFields %></p>
<div class="compare">
  <section class="card" aria-labelledby="at-title">
    <h2 id="at-title"><%= it.t.stateAtVersion %> <%= it.version %></h2>
    <table><thead><tr><th scope="col"><%= it.t.field %></th><th scope="col"><%= it.t.before %></th></tr></thead><tbody>
    <% it.diff.forEach(function (d) { %><tr<% if (d.changed) { %> class="changed"<% } %>><th scope="row"><%= d.path %></th><td><% if (d.changed) { %><mark><%= d.then %></mark><% } else { %><%= d.then %><% } %></td></tr><% }) %>
    </tbody></table>
  </section>
  <section class="card" aria-labelledby="now-title">
    <h2 id="now-title"><%= it.t.currentState %> (<%= it.t.version %> <%= it.current.version %>)</h2>
    <table><thead><tr><th scope="col"><%= it.t.field %></th><th scope="col"><%= it.t.after %></th></tr></thead><tbody>
    <% it.diff.forEach(function (d) { %><tr<% if (d.changed) { %> class="changed"<% } %>><th scope="row"><%= d.path %></th><td><% if (d.changed) { %><mark><%= d.now %></mark><% } else { %><%= d.now %><% } %></td></tr><% }) %>
    </tbody></table>
  </section>
</div>
<section class="card" aria-labelledby="events-title">
<h2 id="events-title"><%= it.t.history %></h2>
<ol class="events">
<% it.events.forEach(function (e) { %>
  <li>
    <p><strong><%= e.eventType %></strong> — <%= e.summary %></p>
    <p class="meta"><time datetime="<%= e.occurredAt %>"><%= e.occurredAt %></time> · <%= it.t.actor %>: <%= e.actor %> · <%= it.t.via %>: <%= e.via || '' %> · <%= it.t.correlation %>: <code><%= e.correlationId %></code></p>
    <% if (e.changes.length > 0) { %>
    <table><thead><tr><th scope="col"><%= it.t.field %></th><th scope="col"><%= it.t.before %></th><th scope="col"><%= it.t.after %></th></tr></thead><tbody>
    <% e.changes.forEach(function (c) { %><tr><th scope="row"><%= c.field %></th><td><%= it.show(c.before) %></td><td><%= it.show(c.after) %></td></tr><% }) %>
    </tbody></table>
    <% } %>
  </li>
<% }) %>
</ol>
</section>`,

  '@message': `<h1><%= it.heading %></h1><p><%= it.message %></p>`,
};

export const CONSOLE_CSS = `
:root { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fafafa; }
body { margin: 0; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; }
header { display: flex; gap: 1.5rem; align-items: center; padding: .6rem 1rem; background: #0b3d6b; color: #fff; }
header a, header span { color: #fff; }
header .logout { margin-left: auto; display: flex; gap: .5rem; align-items: center; }
main { padding: 1rem; max-width: 72rem; }
.card { background: #fff; border: 1px solid #c8c8c8; border-radius: 6px; padding: .8rem 1rem; margin: .8rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
td.num { text-align: right; }
.tabs { display: flex; flex-wrap: wrap; gap: .3rem; margin-top: 1rem; }
.tabs a { padding: .4rem .8rem; border: 1px solid #0b3d6b; border-radius: 4px; color: #0b3d6b; text-decoration: none; }
.tabs a[aria-current="page"] { background: #0b3d6b; color: #fff; }
a { color: #0b4f8a; }
a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #e8a200; outline-offset: 2px; }
label { display: block; margin-top: .5rem; font-weight: 600; }
input, select, textarea, button { font: inherit; padding: .3rem .5rem; }
button { background: #0b3d6b; color: #fff; border: 0; border-radius: 4px; margin-top: .5rem; cursor: pointer; }
.error { color: #a4000f; font-weight: 600; }
.warning { color: #6b4500; background: #fff3c4; padding: .3rem .5rem; }
form.move { display: inline-block; margin-right: .5rem; }
.hint, .meta { color: #4a4a4a; font-size: .9rem; }
.compare { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
tr.changed { background: #fff3c4; }
.events { padding-left: 1.2rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dt { font-weight: 600; }
.search input[type="search"] { width: 24rem; max-width: 100%; }
.filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .2rem 1rem; }
.filters input, .filters select { width: 100%; box-sizing: border-box; }
summary { margin-top: .6rem; cursor: pointer; color: #0b4f8a; }
.versions a { padding: 0 .2rem; }
.versions a[aria-current="page"] { font-weight: 700; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
tr.selected { background: #e3eefa; }
.invoice table { margin-top: .8rem; }
.invoice caption, table caption { text-align: left; font-weight: 600; padding: .3rem 0; }
.forms { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; margin-top: 1rem; }
fieldset { border: 1px solid #c8c8c8; border-radius: 4px; }
`;
