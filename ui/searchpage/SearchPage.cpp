// SPDX-License-Identifier: MIT
#include "searchpage/SearchPage.h"

#include "host/EngineHost.h"
#include "log/Log.h"
#include "searchpage/CompareModel.h"
#include "searchpage/CompareView.h"
#include "searchpage/HitDetailView.h"
#include "searchpage/HitTable.h"
#include "searchpage/ResultsModel.h"
#include "searchpage/SearchForm.h"
#include "searchpage/SearchHistory.h"
#include "searchpage/SnippetDelegate.h"
#include "widgets/Format.h"
#include "widgets/StatusStyle.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

namespace kms::ui {

namespace {
auto logger()
{
    static auto l = log::get("kms.ui.search");
    return l;
}
} // namespace

SearchPage::SearchPage(EngineHost *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_form(new SearchForm(this))
    , m_runner(new SearchRunner(host, this))
    , m_history(new SearchHistory(this))
    , m_model(new ResultsModel(this))
    , m_table(new QTableView(this))
    , m_tabs(new QTabWidget(this))
    , m_compare(new CompareView(host, this))
    , m_detail(new HitDetailView(host, this))
    , m_status(new QLabel(this))
    , m_debounce(new QTimer(this))
    , m_focusAction(new QAction(tr("Find"), this))
{
    setObjectName(QStringLiteral("search"));

    m_focusAction->setObjectName(QStringLiteral("focusSearchAction"));
    QList<QKeySequence> keys{QKeySequence(Qt::CTRL | Qt::Key_K)};
    for (const QKeySequence &k : QKeySequence::keyBindings(QKeySequence::Find))
        if (!keys.contains(k))
            keys << k;
    m_focusAction->setShortcuts(keys);
    m_focusAction->setShortcutContext(Qt::WindowShortcut);
    m_focusAction->setToolTip(tr("Focus the search box"));
    addAction(m_focusAction);
    connect(m_focusAction, &QAction::triggered, this, [this] {
        emit activationRequested(); // the window shows this page first; a hidden box takes no focus
        focusQuery();
    });

    m_form->recentButton()->setMenu(m_history->menu());
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);

    m_tabs->setObjectName(QStringLiteral("searchTabs"));
    m_tabs->addTab(buildResultsTab(), tr("Results"));
    m_tabs->addTab(m_compare, tr("Compare"));
    m_tabs->setDocumentMode(true);

    // Hits above, the selected record below: both get the full width, which snippets, the two
    // lists of the comparison and long record text all need.
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("searchSplitter"));
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({420, 300});
    splitter->setChildrenCollapsible(false);

    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 6);
    layout->addWidget(m_form);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    connect(m_form, &SearchForm::submitted, this, &SearchPage::runSearch);
    connect(m_form, &SearchForm::edited, this, [this] {
        if (m_form->searchAsYouType())
            m_debounce->start();
    });
    connect(m_debounce, &QTimer::timeout, this, [this] {
        runFromForm(false);
        if (m_tabs->currentWidget() == m_compare)
            runCompare();
    });
    connect(m_form, &SearchForm::leaveDown, this, [this] {
        m_table->setFocus(Qt::OtherFocusReason);
        if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
            m_table->setCurrentIndex(m_model->index(0, 0));
    });
    connect(m_runner, &SearchRunner::finished, this, &SearchPage::onFinished);
    connect(m_runner, &SearchRunner::started, this, [this] { m_latency->setText(tr("searching …")); });
    connect(m_history, &SearchHistory::chosen, this, &SearchPage::onHistoryChosen);
    connect(m_detail, &HitDetailView::moreLikeThisRequested, this, &SearchPage::moreLikeThis);
    connect(m_compare, &CompareView::runRequested, this, &SearchPage::runCompare);
    connect(m_compare, &CompareView::moreLikeThisRequested, this, &SearchPage::moreLikeThis);
    connect(m_compare, &CompareView::hitSelected, m_detail, &HitDetailView::showHit);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_compare)
            runCompare();
    });
    connect(m_host, &EngineHost::opened, this, &SearchPage::onOpened);
    connect(m_host, &EngineHost::indexLoaded, this, [this] {
        // Shown results that are keyword-only for want of the index are run again, in full.
        if (!m_shownResult.note.isEmpty() && !m_runner->isRunning() && !m_shown.isSimilar()
            && m_shown.query.mode != SearchMode::Keyword) {
            SearchRequest again = m_shown;
            again.query.log = false; // the first run was logged already
            start(again);
        }
    });
    connect(m_host, &EngineHost::closed, this, [this] {
        m_runner->cancel();
        setEnabled(false);
    });

    setupTabOrder();
    const bool open = m_host->isOpen();
    setEnabled(open);
    if (open)
        onOpened(true, {});
    else
        setStatus(tr("Waiting for the data directory to open …"));
}

QWidget *SearchPage::buildResultsTab()
{
    auto *tab = new QWidget(this);
    m_table->setParent(tab);
    m_table->setObjectName(QStringLiteral("results"));
    m_table->setAccessibleName(tr("Search results"));
    m_table->setModel(m_model);
    setupHitTable(m_table);
    m_table->setItemDelegateForColumn(ResultsModel::Snippet, new SnippetDelegate(ResultsModel::MarkedSnippetRole, m_table));
    auto *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ResultsModel::Title, QHeaderView::Interactive);
    header->setSectionResizeMode(ResultsModel::Snippet, QHeaderView::Stretch);
    header->resizeSection(ResultsModel::Title, 320);
    m_table->setTextElideMode(Qt::ElideRight);
    addMoreLikeThisAction(m_table, ResultsModel::HitIdRole, [this](qint64 id) { moreLikeThis(id); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SearchPage::onCurrentRowChanged);

    m_previous = new QPushButton(tr("◀ Previous"), tab);
    m_previous->setObjectName(QStringLiteral("previousPage"));
    m_previous->setAccessibleName(tr("Previous page of results"));
    m_next = new QPushButton(tr("Next ▶"), tab);
    m_next->setObjectName(QStringLiteral("nextPage"));
    m_next->setAccessibleName(tr("Next page of results"));
    m_pageLabel = new QLabel(tab);
    m_pageLabel->setObjectName(QStringLiteral("pageLabel"));
    m_latency = new QLabel(tab);
    m_latency->setObjectName(QStringLiteral("latency"));
    m_latency->setAccessibleName(tr("Query latency"));
    m_previous->setEnabled(false);
    m_next->setEnabled(false);
    connect(m_previous, &QPushButton::clicked, this, &SearchPage::previousPage);
    connect(m_next, &QPushButton::clicked, this, &SearchPage::nextPage);

    auto *pager = new QHBoxLayout;
    pager->addWidget(m_previous);
    pager->addWidget(m_next);
    pager->addWidget(m_pageLabel, 1);
    pager->addWidget(m_latency);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(pager);
    return tab;
}

void SearchPage::setupTabOrder()
{
    setTabOrder(m_form->lastInTabOrder(), m_tabs->tabBar());
    setTabOrder(m_tabs->tabBar(), m_table);
    setTabOrder(m_table, m_previous);
    setTabOrder(m_previous, m_next);
    setTabOrder(m_next, m_compare->firstInTabOrder());
    setTabOrder(m_detail->findChild<QWidget *>(QStringLiteral("detailMoreLikeThis")),
                m_detail->findChild<QWidget *>(QStringLiteral("detail")));
}

void SearchPage::onOpened(bool ok, const QString &error)
{
    setEnabled(ok);
    if (!ok) {
        setStatus(tr("Search is unavailable: %1").arg(error), true);
        return;
    }
    if (m_host->isIndexLoading())
        setStatus(tr("The vector index is loading: until it is ready, vector and hybrid searches answer by "
                     "keyword only (each answer says so). Keyword search works now."));
    else
        setStatus(tr("Type a query and press Enter. Ctrl+K focuses the search box from anywhere."));
    m_history->load(m_host);
}

void SearchPage::focusQuery()
{
    m_form->queryEdit()->setFocus(Qt::ShortcutFocusReason);
    m_form->queryEdit()->selectAll();
}

void SearchPage::runSearch()
{
    m_debounce->stop();
    runFromForm(true);
    if (m_tabs->currentWidget() == m_compare)
        runCompare();
}

void SearchPage::runFromForm(bool logged)
{
    QString error;
    std::optional<SearchQuery> q = m_form->query(&error);
    if (!q) {
        m_form->showError(error);
        return;
    }
    m_form->showError({});
    if (q->text.isEmpty()) {
        m_runner->cancel();
        m_model->clear();
        m_detail->clear();
        m_previous->setEnabled(false);
        m_next->setEnabled(false);
        m_pageLabel->clear();
        m_latency->clear();
        setStatus(tr("Type a query and press Enter."));
        return;
    }
    q->log = logged; // as-you-type searches are drafts: only what the user runs goes to the log
    start(SearchRequest{*q, 0, {}});
}

void SearchPage::start(const SearchRequest &request)
{
    if (m_runner->start(request) == 0)
        setStatus(tr("The data directory is not open."), true);
}

void SearchPage::moreLikeThis(qint64 recordId)
{
    QString label;
    auto describe = [&](const SearchHit *h) {
        if (h && h->id == recordId && label.isEmpty())
            label = tr("%1 · %2").arg(h->externalId, h->title);
    };
    describe(m_model->hit(m_model->rowOf(recordId)));
    for (int side = 0; side < 2; ++side) {
        auto *model = m_compare->model(side);
        describe(model->hit(model->rowOf(recordId)));
    }
    if (label.isEmpty())
        label = tr("record %1").arg(recordId);
    QString error;
    std::optional<SearchQuery> q = m_form->query(&error);
    if (!q) {
        m_form->showError(error);
        return;
    }
    m_debounce->stop();
    q->log = false;
    m_tabs->setCurrentIndex(0);
    start(SearchRequest{*q, recordId, label});
}

void SearchPage::nextPage()
{
    SearchRequest r = m_shown;
    r.query.offset += r.query.k;
    r.query.log = false;
    start(r);
}

void SearchPage::previousPage()
{
    SearchRequest r = m_shown;
    r.query.offset = std::max(0, r.query.offset - r.query.k);
    r.query.log = false;
    start(r);
}

void SearchPage::onFinished(const SearchResult &result)
{
    const SearchRequest &request = m_runner->current();
    m_shown = request;
    m_shownResult = result;
    m_model->setHits(result.hits, request.query.offset + 1);
    const int first = request.query.offset + 1;
    const int last = request.query.offset + int(result.hits.size());
    m_previous->setEnabled(request.query.offset > 0);
    // A full page may have a next one; the engine does not count all matches (that would cost
    // a scan of every match on a large store). Rank 1000 is as deep as its lists go.
    m_next->setEnabled(int(result.hits.size()) >= request.query.k && last < 1000);
    m_pageLabel->setText(result.hits.isEmpty() ? tr("No hits") : tr("Hits %1–%2").arg(first).arg(last));
    // What the user waited, from Enter (or the draft starting) to these rows; the engine's own
    // time is only part of it when an older search or a loading index held it up.
    m_latency->setText(tr("Latency %1").arg(format::milliseconds(m_runner->waitedMs())));
    m_latency->setToolTip(tr("From starting this search to its results: %1, of which the engine searched for %2")
                              .arg(format::milliseconds(m_runner->waitedMs()), format::milliseconds(result.latencyMs)));
    if (!result.error.isEmpty()) {
        logger()->warn("search failed: {}", result.error.toStdString());
        setStatus(tr("Search failed: %1").arg(result.error), true);
    } else if (request.isSimilar()) {
        setStatus(tr("Records most like %1").arg(request.similarLabel));
    } else if (result.hits.isEmpty()) {
        setStatus(tr("Nothing matches \"%1\" with these filters.").arg(request.query.text));
    } else if (!result.note.isEmpty()) {
        setStatus(tr("Searched for: %1 (%2)").arg(result.expandedQuery, result.note));
    } else {
        setStatus(tr("Searched for: %1").arg(result.expandedQuery));
    }
    if (request.query.log && !request.isSimilar() && result.error.isEmpty())
        m_history->add({request.query.text, request.query.mode, filtersToJson(request.query.filters),
                        int(result.hits.size()), QDateTime::currentMSecsSinceEpoch()});
    if (!result.hits.isEmpty())
        m_table->setCurrentIndex(m_model->index(0, 0)); // the top hit's detail, focus stays where it is
    else
        m_detail->clear(result.error.isEmpty() ? tr("No hits.") : QString());
    emit resultsShown();
}

DetailContext SearchPage::detailContext(int row) const
{
    DetailContext c = DetailContext::of(m_shown.query, m_shownResult, m_model->firstRank() + row);
    c.similarLabel = m_shown.isSimilar() ? m_shown.similarLabel : QString();
    return c;
}

void SearchPage::onCurrentRowChanged(const QModelIndex &current)
{
    if (const SearchHit *hit = m_model->hit(current.row()))
        m_detail->showHit(*hit, detailContext(current.row()));
}

void SearchPage::onHistoryChosen(const HistoryEntry &entry)
{
    m_form->apply(entry);
    m_tabs->setCurrentIndex(0);
    runSearch();
}

void SearchPage::showCompare()
{
    if (m_tabs->currentWidget() == m_compare)
        runCompare();
    else
        m_tabs->setCurrentWidget(m_compare); // runs it through currentChanged
}

void SearchPage::runCompare()
{
    QString error;
    const std::optional<SearchQuery> q = m_form->query(&error);
    if (!q) {
        m_form->showError(error);
        return;
    }
    m_form->showError({});
    m_compare->compare(*q);
}

void SearchPage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    statusstyle::setTone(m_status, error ? statusstyle::Tone::Error : statusstyle::Tone::Neutral);
}

QString SearchPage::statusText() const
{
    return m_status->text();
}

} // namespace kms::ui
