/**
 * The templates of the console's operations pages: the cycle simulation chart, the tasks
 * calendar, remittances and dunning. Registered beside `CONSOLE_TEMPLATES`; the same rules
 * (`it` is the view's data, `it.t` its messages, `<%= %>` escapes). No inline script or style:
 * the chart's figures travel in a JSON data island read by a static script.
 */
export const OPERATIONS_TEMPLATES: Record<string, string> = {
  '@simulation': `<h1><%= it.t.operations.cycleSimulation %>: <a href="/console/customers/<%= it.id %>"><%= it.displayName %></a></h1>
<p><%= it.t.operations.simulationIntro %></p>
<dl class="card">
  <dt><%= it.t.operations.simulatedFrom %></dt><dd><time datetime="<%= it.simulation.from %>"><%= it.simulation.from %></time></dd>
  <dt><%= it.t.operations.cycles %></dt><dd><%= it.simulation.cycles %></dd>
  <dt><%= it.t.operations.defaultVat %></dt><dd><%= it.vatDefault %> %</dd>
</dl>
<figure class="card chart">
  <div class="chart-box"><canvas id="simulation-chart" role="img" aria-label="<%= it.t.operations.chartSummary %>"><%= it.t.operations.chartSummary %></canvas></div>
  <figcaption><%= it.t.operations.chartSummary %></figcaption>
</figure>
<script type="application/json" id="simulation-data"><%~ it.chartJson %></script>
<script src="/console/assets/chart.umd.js" defer></script>
<script src="/console/assets/simulation-chart.js" defer></script>
<table class="card">
  <caption><%= it.t.operations.cycleSimulation %></caption>
  <thead><tr><th scope="col"><%= it.t.operations.period %></th><th scope="col"><%= it.t.operations.previewedTotal %></th><th scope="col"><%= it.t.operations.previewedInvoices %></th><th scope="col"><%= it.t.operations.issuedInvoices %></th><th scope="col"><%= it.t.operations.notInvoiced %></th></tr></thead>
  <tbody><% it.periods.forEach(function (p) { %>
  <tr data-period="<%= p.period %>"><th scope="row"><%= p.period %><% if (p.inProgress) { %> (<%= it.t.operations.inProgress %>)<% } %></th><td class="num"><%= it.money(p.previewedCents) %></td><td class="num"><%= p.previewedInvoices %></td><td><%= p.issuedNumbers.join(', ') %></td><td class="num"><%= p.notInvoiced %></td></tr>
  <% }) %></tbody>
</table>
<section class="card" aria-labelledby="problems-title">
  <h2 id="problems-title"><%= it.t.operations.problems %></h2>
  <% if (it.simulation.problems.length === 0) { %><p><%= it.t.operations.noProblems %></p><% } else { %>
  <ul class="problems"><% it.simulation.problems.forEach(function (p) { %>
    <li data-code="<%= p.code %>"><code><%= p.code %></code> <%= p.period || '' %> · <strong><%= p.blocksIssuance ? it.t.operations.blocksIssuance : it.t.operations.warningOnly %></strong> — <%= p.message %></li>
  <% }) %></ul>
  <% } %>
</section>`,

  '@tasks-switch': `<nav aria-label="<%= it.t.operations.tasksCalendar %>" class="tabs">
  <a href="/console/tasks?view=day&amp;day=<%= it.day %>"<% if (it.view === 'day') { %> aria-current="page"<% } %>><%= it.t.operations.dayView %></a>
  <a href="/console/tasks?view=month&amp;month=<%= it.month %>"<% if (it.view === 'month') { %> aria-current="page"<% } %>><%= it.t.operations.monthView %></a>
  <a href="/console/tasks?view=<%= it.view %>"><%= it.t.operations.today %></a>
</nav>
<nav aria-label="<%= it.heading %>" class="pager">
  <% if (it.previous) { %><a href="<%= it.previous.href %>"><%= it.previous.label %></a><% } %>
  <% if (it.next) { %><a href="<%= it.next.href %>"><%= it.next.label %></a><% } %>
</nav>`,

  '@tasks-day': `<h1><%= it.t.operations.tasksCalendar %>: <%= it.heading %></h1>
<%~ include('@tasks-switch', it) %>
<% if (it.hours.length === 0) { %><p class="card"><%= it.t.operations.noTasks %></p><% } %>
<% it.hours.forEach(function (h) { %>
<section class="card hour" aria-labelledby="hour-<%= h.hour %>">
  <h2 id="hour-<%= h.hour %>"><%= h.hour %>:00</h2>
  <ul class="tasks"><% h.tasks.forEach(function (task) { %>
    <li class="task <%= task.status %>"><time><%= task.time %></time> <strong><%= task.title %></strong> · <%= task.type %> · <%= task.status %> · <%= it.t.operations.assignee %>: <%= task.assignee %> · <a href="/console/customers/<%= task.customerId %>"><%= task.customerName %></a><% if (task.durationMinutes) { %> · <%= task.durationMinutes %> min<% } %></li>
  <% }) %></ul>
</section>
<% }) %>`,

  '@tasks-month': `<h1><%= it.t.operations.tasksCalendar %>: <%= it.heading %></h1>
<%~ include('@tasks-switch', it) %>
<table class="calendar">
  <caption><%= it.heading %></caption>
  <thead><tr><% it.t.operations.weekdays.forEach(function (name) { %><th scope="col"><%= name %></th><% }) %></tr></thead>
  <tbody><% it.weeks.forEach(function (week) { %>
  <tr><% week.forEach(function (cell) { %>
    <% if (!cell) { %><td class="outside"></td><% } else { %>
    <td data-day="<%= cell.date %>"<% if (cell.date === it.today) { %> class="today"<% } %>>
      <a href="/console/tasks?view=day&amp;day=<%= cell.date %>" class="day-number"><%= Number(cell.date.slice(8)) %></a>
      <% if (cell.count > 0) { %><ul class="tasks"><% cell.entries.forEach(function (task) { %>
        <li class="task <%= task.status %>"><time><%= task.time %></time> <%= task.title %> <span class="who"><%= task.customerName %></span></li>
      <% }) %></ul><% } %>
    </td>
    <% } %>
  <% }) %></tr>
  <% }) %></tbody>
</table>`,

  '@remittances': `<h1><%= it.t.operations.remittances %></h1>
<% if (it.page.items.length === 0) { %><p><%= it.t.operations.noRemittances %></p><% } else { %>
<table>
  <caption><%= it.page.total %> · <%= it.t.page %> <%= it.page.page %></caption>
  <thead><tr><th scope="col"><%= it.t.operations.collectionDate %></th><th scope="col"><%= it.t.operations.createdAt %></th><th scope="col"><%= it.t.operations.effects %></th><th scope="col"><%= it.t.operations.total %></th><th scope="col"><%= it.t.operations.excluded %></th><th scope="col"><%= it.t.status %></th><th scope="col"><%= it.t.operations.painVersion %></th></tr></thead>
  <tbody><% it.page.items.forEach(function (r) { %>
  <tr>
    <td><a href="/console/remittances/<%= r.id %>"><%= r.collectionDate %></a></td>
    <td><time datetime="<%= r.createdAt %>"><%= r.createdAt.slice(0, 16).replace('T', ' ') %></time></td>
    <td class="num"><%= r.effects %></td>
    <td class="num"><%= it.money(r.totalCents) %></td>
    <td class="num"><%= r.excluded %></td>
    <td><%= r.collectionDate > it.today ? it.t.operations.remittanceScheduled : it.t.operations.remittanceCharged %></td>
    <td><a href="/console/remittances/<%= r.id %>/pain.008.xml" download><%= r.painVersion %></a></td>
  </tr>
  <% }) %></tbody>
</table>
<nav aria-label="<%= it.t.page %>" class="pager">
  <% if (it.page.page > 1) { %><a href="?page=<%= it.page.page - 1 %>"><%= it.t.previous %></a><% } %>
  <% if (it.page.page * it.page.pageSize < it.page.total) { %><a href="?page=<%= it.page.page + 1 %>"><%= it.t.next %></a><% } %>
</nav>
<% } %>`,

  '@remittance': `<h1><%= it.t.operations.remittance %> <%= it.remittance.collectionDate %></h1>
<section class="card" aria-labelledby="remittance-title">
  <h2 id="remittance-title"><%= it.remittance.messageId %></h2>
  <dl>
    <dt><%= it.t.operations.creditor %></dt><dd><%= it.remittance.creditor.name %> · <%= it.remittance.creditor.creditorId %> · <%= it.remittance.creditor.maskedIban %></dd>
    <dt><%= it.t.operations.collectionDate %></dt><dd><%= it.remittance.collectionDate %></dd>
    <dt><%= it.t.operations.dueUntil %></dt><dd><%= it.remittance.dueUntil %></dd>
    <dt><%= it.t.operations.createdAt %></dt><dd><%= it.remittance.createdAt %></dd>
    <dt><%= it.t.status %></dt><dd><%= it.remittance.collectionDate > it.today ? it.t.operations.remittanceScheduled : it.t.operations.remittanceCharged %></dd>
    <dt><%= it.t.operations.effects %></dt><dd><%= it.remittance.effects %> (FRST <%= it.remittance.firstCollections %> · RCUR <%= it.remittance.recurringCollections %>)</dd>
    <dt><%= it.t.operations.total %></dt><dd><%= it.money(it.remittance.totalCents) %></dd>
    <dt><%= it.t.operations.painVersion %></dt><dd>pain.008.<%= it.remittance.painVersion %></dd>
  </dl>
  <p><a href="/console/remittances/<%= it.remittance.id %>/pain.008.xml" download><%= it.t.operations.downloadPain %></a></p>
</section>
<table class="card">
  <caption><%= it.t.operations.effects %></caption>
  <thead><tr><th scope="col"><%= it.t.operations.invoice %></th><th scope="col"><%= it.t.operations.debtor %></th><th scope="col"><%= it.t.iban %></th><th scope="col"><%= it.t.mandate %></th><th scope="col"><%= it.t.operations.sequenceType %></th><th scope="col"><%= it.t.operations.dueDate %></th><th scope="col"><%= it.t.operations.total %></th></tr></thead>
  <tbody><% it.remittance.transactions.forEach(function (tx) { %>
  <tr><td><%= tx.invoiceNumber %></td><td><a href="/console/customers/<%= tx.customerId %>"><%= tx.debtorName %></a></td><td><%= tx.maskedIban %></td><td><%= tx.mandateReference %></td><td><%= tx.sequenceType %></td><td><%= tx.dueDate %></td><td class="num"><%= it.money(tx.amountCents) %></td></tr>
  <% }) %></tbody>
</table>
<% if (it.remittance.excludedEffects.length > 0) { %>
<table class="card">
  <caption><%= it.t.operations.excludedEffects %></caption>
  <thead><tr><th scope="col"><%= it.t.operations.invoice %></th><th scope="col"><%= it.t.code %></th><th scope="col"><%= it.t.reason %></th></tr></thead>
  <tbody><% it.remittance.excludedEffects.forEach(function (e) { %>
  <tr><td><code><%= e.invoiceId %></code></td><td><code><%= e.code %></code></td><td><%= e.reason %></td></tr>
  <% }) %></tbody>
</table>
<% } %>`,

  '@dunning': `<h1><%= it.t.operations.dunning %></h1>
<% if (it.ran) { %><p class="notice" role="status"><%= it.t.operations.dunningRan %> <%= it.ran %></p><% } %>
<form method="get" action="/console/dunning" class="card search">
  <label for="asOf"><%= it.t.operations.asOf %></label>
  <input id="asOf" name="asOf" type="date" value="<%= it.asOf %>">
  <button type="submit"><%= it.t.operations.show %></button>
</form>
<% if (it.canCommand) { %>
<form method="post" action="/console/dunning/runs" class="card">
  <input type="hidden" name="_csrf" value="<%= it.csrf %>">
  <% if (it.formError) { %><p class="error" role="alert"><%= it.formError %></p><% } %>
  <label for="runAsOf"><%= it.t.operations.runDunning %></label>
  <input id="runAsOf" name="asOf" type="date" value="<%= it.runAsOf %>" required>
  <button type="submit"><%= it.t.operations.run %></button>
</form>
<% } %>
<table class="card ageing">
  <caption><%= it.t.operations.ageing %> · <%= it.t.operations.asOf %> <%= it.ageing.asOf %></caption>
  <thead><tr><th scope="col"><%= it.t.operations.customer %></th><% it.buckets.forEach(function (b) { %><th scope="col"><%= b %> <%= it.t.operations.days %></th><% }) %><th scope="col"><%= it.t.operations.totalOverdue %></th></tr></thead>
  <tbody>
  <% if (it.ageing.customers.length === 0) { %><tr><td colspan="<%= it.buckets.length + 2 %>"><%= it.t.operations.noDebt %></td></tr><% } %>
  <% it.ageing.customers.forEach(function (c) { %>
  <tr><th scope="row"><a href="/console/customers/<%= c.customerId %>"><%= it.names[c.customerId] || c.customerId %></a></th><% it.buckets.forEach(function (b) { %><td class="num"><%= it.money(c.buckets[b]) %></td><% }) %><td class="num"><%= it.money(c.totalCents) %></td></tr>
  <% }) %>
  </tbody>
  <tfoot><tr><th scope="row"><%= it.t.operations.customersInDebt %>: <%= it.ageing.totals.customers %></th><% it.buckets.forEach(function (b) { %><td class="num"><%= it.money(it.ageing.totals[b]) %></td><% }) %><td class="num"><%= it.money(it.ageing.totals.totalCents) %></td></tr></tfoot>
</table>
<section class="card" aria-labelledby="suspended-title">
  <h2 id="suspended-title"><%= it.t.operations.suspendedForDebt %></h2>
  <% if (it.suspended.items.length === 0) { %><p><%= it.t.operations.noSuspended %></p><% } else { %>
  <table>
    <thead><tr><th scope="col"><%= it.t.name %></th><th scope="col"><%= it.t.status %></th><th scope="col"><%= it.t.unpaid %></th></tr></thead>
    <tbody><% it.suspended.items.forEach(function (c) { %>
    <tr><td><a href="/console/customers/<%= c.id %>"><%= c.displayName %></a></td><td><%= c.status %></td><td class="num"><%= it.money(c.unpaidBalanceCents) %></td></tr>
    <% }) %></tbody>
  </table>
  <% } %>
</section>`,
};

/** The operations pages' styles, served after the console's own in `console.css`. */
export const OPERATIONS_CSS = `
header nav { display: flex; flex-wrap: wrap; gap: 1rem; }
.chart-box { position: relative; height: 20rem; }
figure.chart { margin: .8rem 0; }
.problems li { margin: .3rem 0; }
.pager { display: flex; gap: 1rem; margin: .6rem 0; }
table.calendar { table-layout: fixed; }
table.calendar td { height: 6rem; border: 1px solid #ddd; }
table.calendar td.outside { background: #f0f0f0; }
table.calendar td.today { background: #eef5fc; }
table.calendar .day-number { font-weight: 700; }
ul.tasks { list-style: none; margin: .2rem 0; padding: 0; font-size: .9rem; }
li.task { border-left: 4px solid #0b3d6b; padding-left: .3rem; margin: .2rem 0; }
li.task.completed { border-left-color: #2e6b2e; }
li.task.not_attended { border-left-color: #a4000f; }
.notice { color: #174d17; background: #e6f4e6; padding: .3rem .5rem; }
`;
