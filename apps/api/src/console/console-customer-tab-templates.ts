/**
 * The customer file's billing and service tabs (seed 000): invoices with their lines, credit
 * notes, payments and PDFs; pending effects; sends; tickets; tasks; additional forms. As
 * CONSOLE_TEMPLATES: strings, `<%= %>` escaped.
 */
export const CUSTOMER_TAB_TEMPLATES: Record<string, string> = {
  '@tab-invoices': `<h2><%= it.t.invoices %></h2>
<% if (it.invoices.items.length === 0) { %><p><%= it.t.none %></p><% } else { %>
<table>
  <caption><%= it.invoices.total %> <%= it.t.invoicesCount %></caption>
  <thead><tr><th scope="col"><%= it.t.number %></th><th scope="col"><%= it.t.issueDate %></th><th scope="col"><%= it.t.period %></th><th scope="col"><%= it.t.status %></th><th scope="col" class="num"><%= it.t.total %></th><th scope="col" class="num"><%= it.t.outstanding %></th><th scope="col"><%= it.t.document %></th></tr></thead>
  <tbody><% it.invoices.items.forEach(function (i) { %>
  <tr<% if (it.invoice && it.invoice.id === i.id) { %> class="selected"<% } %>>
    <td><a href="/console/customers/<%= it.file.id %>?tab=invoices&amp;invoice=<%= i.id %>" hx-get="/console/customers/<%= it.file.id %>/tabs/invoices?invoice=<%= i.id %>" hx-target="#tab" hx-push-url="/console/customers/<%= it.file.id %>?tab=invoices&amp;invoice=<%= i.id %>"><%= i.formatted %></a></td>
    <td><%= i.issueDate %></td><td><%= i.billingPeriod.from %> – <%= i.billingPeriod.to %></td>
    <td><%= it.t.invoiceStatuses[i.status] || i.status %></td>
    <td class="num"><%= it.money(i.totals.totalCents) %></td><td class="num"><%= it.money(i.outstandingCents) %></td>
    <td><a href="/console/customers/<%= it.file.id %>/invoices/<%= i.id %>/document.pdf" type="application/pdf">PDF <span class="sr-only"><%= i.formatted %></span></a></td>
  </tr>
  <% }) %></tbody>
</table>
<% } %>
<% if (it.invoice) { %>
<section class="invoice" aria-labelledby="invoice-title">
  <h3 id="invoice-title"><%= it.t.invoice %> <%= it.invoice.formatted %></h3>
  <dl>
    <dt><%= it.t.dueDate %></dt><dd><%= it.invoice.dueDate %></dd>
    <dt><%= it.t.paymentMethod %></dt><dd><%= it.invoice.paymentMethod %> <%= it.invoice.maskedIban || '' %></dd>
    <dt><%= it.t.paid %></dt><dd><%= it.money(it.invoice.paidCents) %></dd>
    <dt><%= it.t.credited %></dt><dd><%= it.money(it.invoice.creditedCents) %></dd>
    <dt><%= it.t.outstanding %></dt><dd><%= it.money(it.invoice.outstandingCents) %></dd>
  </dl>
  <table>
    <caption><%= it.t.lines %></caption>
    <thead><tr><th scope="col"><%= it.t.concept %></th><th scope="col"><%= it.t.period %></th><th scope="col" class="num"><%= it.t.net %></th><th scope="col" class="num"><%= it.t.vat %></th><th scope="col" class="num"><%= it.t.total %></th></tr></thead>
    <tbody><% it.invoice.lines.forEach(function (l) { %>
    <tr><td><%= l.description %></td><td><%= l.period.from %> – <%= l.period.to %></td><td class="num"><%= it.money(l.amountCents) %></td><td class="num"><%= l.vatRatePercent %> %</td><td class="num"><%= it.money(l.totalCents) %></td></tr>
    <% }) %></tbody>
  </table>
  <% if (it.invoice.creditNotes.length > 0) { %>
  <table>
    <caption><%= it.t.creditNotes %></caption>
    <thead><tr><th scope="col"><%= it.t.number %></th><th scope="col"><%= it.t.issueDate %></th><th scope="col"><%= it.t.reason %></th><th scope="col" class="num"><%= it.t.total %></th><th scope="col"><%= it.t.document %></th></tr></thead>
    <tbody><% it.invoice.creditNotes.forEach(function (n) { %>
    <tr><td><%= n.formatted %></td><td><%= n.issueDate %></td><td><%= n.reason %></td><td class="num"><%= it.money(n.totals.totalCents) %></td><td><a href="/console/customers/<%= it.file.id %>/invoices/<%= n.id %>/document.pdf" type="application/pdf">PDF <span class="sr-only"><%= n.formatted %></span></a></td></tr>
    <% }) %></tbody>
  </table>
  <% } %>
  <% if (it.invoice.payments.length > 0) { %>
  <table>
    <caption><%= it.t.payments %></caption>
    <thead><tr><th scope="col"><%= it.t.when %></th><th scope="col"><%= it.t.paymentMethod %></th><th scope="col" class="num"><%= it.t.amount %></th></tr></thead>
    <tbody><% it.invoice.payments.forEach(function (p) { %>
    <tr><td><time datetime="<%= p.paidAt %>"><%= p.paidAt %></time></td><td><%= p.method %></td><td class="num"><%= it.money(p.amountCents) %></td></tr>
    <% }) %></tbody>
  </table>
  <% } %>
  <% if (it.canCommand) { %>
  <% if (it.formError) { %><p class="error" role="alert"><%= it.formError %></p><% } %>
  <div class="forms">
  <form method="post" action="/console/customers/<%= it.file.id %>/invoices/<%= it.invoice.id %>/credit-notes" hx-post="/console/customers/<%= it.file.id %>/invoices/<%= it.invoice.id %>/credit-notes" hx-target="#tab" class="inline-form credit-note">
    <fieldset>
    <legend><%= it.t.issueCreditNote %></legend>
    <input type="hidden" name="_csrf" value="<%= it.csrf %>">
    <label for="credit-reason"><%= it.t.reason %></label>
    <input id="credit-reason" name="reason" maxlength="500" value="<%= it.formKind === 'credit-note' ? it.form.reason || '' : '' %>">
    <label for="credit-amount"><%= it.t.netAmountEuros %></label>
    <input id="credit-amount" name="amount" inputmode="decimal" value="<%= it.formKind === 'credit-note' ? it.form.amount || '' : '' %>">
    <button type="submit"><%= it.t.issueCreditNote %></button>
    </fieldset>
  </form>
  <form method="post" action="/console/customers/<%= it.file.id %>/invoices/<%= it.invoice.id %>/payments" hx-post="/console/customers/<%= it.file.id %>/invoices/<%= it.invoice.id %>/payments" hx-target="#tab" class="inline-form payment">
    <fieldset>
    <legend><%= it.t.recordPayment %></legend>
    <input type="hidden" name="_csrf" value="<%= it.csrf %>">
    <label for="payment-amount"><%= it.t.amountEuros %></label>
    <input id="payment-amount" name="amount" inputmode="decimal" value="<%= it.formKind === 'payment' ? it.form.amount || '' : '' %>">
    <label for="payment-method"><%= it.t.paymentMethod %></label>
    <select id="payment-method" name="method"><% it.paymentMethods.forEach(function (m) { %><option<% if (it.formKind === 'payment' && it.form.method === m) { %> selected<% } %>><%= m %></option><% }) %></select>
    <label for="payment-date"><%= it.t.paidOn %></label>
    <input id="payment-date" name="paidOn" type="date" value="<%= it.formKind === 'payment' ? it.form.paidOn || '' : '' %>">
    <button type="submit"><%= it.t.recordPayment %></button>
    </fieldset>
  </form>
  </div>
  <% } %>
</section>
<% } %>`,

  '@tab-effects': `<h2><%= it.t.effects %></h2>
<dl>
  <dt><%= it.t.balance %></dt><dd><%= it.money(it.account.balanceCents) %></dd>
  <dt><%= it.t.unpaid %></dt><dd><%= it.money(it.account.unpaidBalanceCents) %></dd>
  <dt><%= it.t.overdueInvoices %></dt><dd><%= it.account.overdueInvoices %></dd>
  <dt><%= it.t.availableCredit %></dt><dd><%= it.money(it.account.availableCreditCents) %></dd>
  <dt><%= it.t.pendingEffectsTotal %></dt><dd><%= it.money(it.account.pendingEffectsCents) %></dd>
</dl>
<% if (it.account.pendingEffects.length === 0) { %><p><%= it.t.noPendingEffects %></p><% } else { %>
<table>
  <caption><%= it.t.effects %></caption>
  <thead><tr><th scope="col"><%= it.t.dueDate %></th><th scope="col" class="num"><%= it.t.amount %></th><th scope="col"><%= it.t.iban %></th><th scope="col"><%= it.t.status %></th><th scope="col"><%= it.t.remittance %></th><th scope="col"><%= it.t.invoice %></th><% if (it.canCommand) { %><th scope="col"><%= it.t.manageEffect %></th><% } %></tr></thead>
  <tbody><% it.account.pendingEffects.forEach(function (e) { var mine = it.formKind === 'effect' && it.form.effectId === e.id; %>
  <tr><td><%= e.dueDate %></td><td class="num"><%= it.money(e.amountCents) %></td><td><%= e.maskedIban %></td><td><%= e.status %></td><td><%= e.remittanceId ? it.t.inRemittance : it.t.notRemitted %></td>
  <td><a href="/console/customers/<%= it.file.id %>?tab=invoices&amp;invoice=<%= e.invoiceId %>"><%= it.t.seeInvoice %></a></td>
  <% if (it.canCommand) { %><td><% if (!e.remittanceId) { %>
    <form method="post" action="/console/customers/<%= it.file.id %>/effects/<%= e.id %>" hx-post="/console/customers/<%= it.file.id %>/effects/<%= e.id %>" hx-target="#tab" class="effect">
      <input type="hidden" name="_csrf" value="<%= it.csrf %>">
      <input type="hidden" name="invoiceId" value="<%= e.invoiceId %>">
      <% if (mine && it.formError) { %><p class="error" role="alert"><%= it.formError %></p><% } %>
      <label for="effect-reason-<%= e.id %>"><%= it.t.reason %></label>
      <input id="effect-reason-<%= e.id %>" name="reason" maxlength="500" value="<%= mine ? it.form.reason : '' %>">
      <label for="effect-amount-<%= e.id %>"><%= it.t.newAmountEuros %></label>
      <input id="effect-amount-<%= e.id %>" name="amount" inputmode="decimal" value="<%= mine ? it.form.amount : '' %>">
      <button type="submit" name="action" value="reduce"><%= it.t.reduceEffect %></button>
      <button type="submit" name="action" value="cancel"><%= it.t.cancelEffect %></button>
    </form>
  <% } %></td><% } %></tr>
  <% }) %></tbody>
</table>
<% } %>
<% if (it.account.transactions.length > 0) { %>
<table>
  <caption><%= it.t.statement %></caption>
  <thead><tr><th scope="col"><%= it.t.when %></th><th scope="col"><%= it.t.concept %></th><th scope="col" class="num"><%= it.t.amount %></th><th scope="col" class="num"><%= it.t.balance %></th></tr></thead>
  <tbody><% it.account.transactions.slice(0, 20).forEach(function (x) { %>
  <tr><td><time datetime="<%= x.occurredAt %>"><%= x.occurredAt.slice(0, 10) %></time></td><td><%= x.reference %> <%= x.description %></td><td class="num"><%= it.money(x.amountCents) %></td><td class="num"><%= it.money(x.balanceAfterCents) %></td></tr>
  <% }) %></tbody>
</table>
<% } %>`,

  '@tab-sends': `<h2><%= it.t.sends %></h2>
<% if (it.sends.items.length === 0) { %><p><%= it.t.none %></p><% } else { %>
<table>
  <thead><tr><th scope="col"><%= it.t.when %></th><th scope="col"><%= it.t.channel %></th><th scope="col"><%= it.t.recipient %></th><th scope="col"><%= it.t.subject %></th><th scope="col"><%= it.t.status %></th><th scope="col"><%= it.t.attempts %></th></tr></thead>
  <tbody><% it.sends.items.forEach(function (s) { %>
  <tr><td><time datetime="<%= s.queuedAt %>"><%= s.queuedAt %></time></td><td><%= s.channel %></td><td><%= s.recipient %></td><td><%= s.subject %></td><td><%= s.status %><% if (s.lastError) { %> — <%= s.lastError %><% } %></td><td class="num"><%= s.attempts %></td></tr>
  <% }) %></tbody>
</table>
<% } %>`,

  '@tab-tickets': `<h2><%= it.t.tickets %></h2>
<% if (it.tickets.items.length === 0) { %><p><%= it.t.none %></p><% } else { %>
<table>
  <thead><tr><th scope="col"><%= it.t.openedAt %></th><th scope="col"><%= it.t.subject %></th><th scope="col"><%= it.t.category %></th><th scope="col"><%= it.t.priority %></th><th scope="col"><%= it.t.status %></th><th scope="col"><%= it.t.assignee %></th><th scope="col"><%= it.t.comments %></th></tr></thead>
  <tbody><% it.tickets.items.forEach(function (k) { %>
  <tr><td><time datetime="<%= k.openedAt %>"><%= k.openedAt %></time></td><td><%= k.subject %></td><td><%= k.category %></td><td><%= k.priority %></td><td><%= k.state %></td><td><%= k.assignee || '—' %></td><td class="num"><%= k.commentCount %></td></tr>
  <% }) %></tbody>
</table>
<% } %>`,

  '@tab-tasks': `<h2><%= it.t.tasks %></h2>
<% if (it.tasks.items.length === 0) { %><p><%= it.t.none %></p><% } else { %>
<table>
  <thead><tr><th scope="col"><%= it.t.day %></th><th scope="col"><%= it.t.time %></th><th scope="col"><%= it.t.taskTitle %></th><th scope="col"><%= it.t.kind %></th><th scope="col"><%= it.t.status %></th><th scope="col"><%= it.t.assignee %></th></tr></thead>
  <tbody><% it.tasks.items.forEach(function (k) { %>
  <tr><td><%= k.date %></td><td><%= k.time %></td><td><%= k.title %></td><td><%= k.type %></td><td><%= k.status %></td><td><%= k.assignee %></td></tr>
  <% }) %></tbody>
</table>
<% } %>`,

  '@tab-forms': `<h2><%= it.t.forms %></h2>
<% if (it.filledForms.items.length === 0) { %><p><%= it.t.none %></p><% } %>
<% it.filledForms.items.forEach(function (f) { %>
<section class="filled-form" aria-labelledby="form-<%= f.id %>">
  <h3 id="form-<%= f.id %>"><%= f.formName %> <small>(v<%= f.formVersion %>, <time datetime="<%= f.filledAt %>"><%= f.filledAt %></time>)</small></h3>
  <% if (f.erased) { %><p><%= it.t.erasedAnswers %></p><% } else { %>
  <dl><% f.answers.forEach(function (a) { %><dt><%= a.label %></dt><dd><%= it.show(a.value) %></dd><% }) %></dl>
  <% } %>
</section>
<% }) %>`,
};
