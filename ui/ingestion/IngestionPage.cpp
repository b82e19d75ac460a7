// SPDX-License-Identifier: MIT
#include "ingestion/IngestionPage.h"

#include "host/EngineHost.h"
#include "ingestion/JobHistoryModel.h"
#include "ingestion/JobOptionsPanel.h"
#include "ingestion/JobRunPanel.h"
#include "ingestion/RejectsPanel.h"
#include "ingestion/SchedulesPanel.h"
#include "ingestion/SourcePanel.h"

#include <QDateTime>
#include <QFontMetrics>
#include <QFrame>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace kms::ui {

namespace {
constexpr int kHistoryLimit = 500;
constexpr qint64 kHistoryRefreshDuringJobMs = 2000; // counts move with every batch

QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}
} // namespace

IngestionPage::IngestionPage(EngineHost *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_dialogs(DialogHooks::standard())
    , m_source(new SourcePanel(host, &m_dialogs, this))
    , m_options(new JobOptionsPanel(this))
    , m_run(new JobRunPanel(host, [this](QString *why) { return prepareJob(why); }, this))
    , m_tabs(new QTabWidget(this))
    , m_history(new JobHistoryModel(this))
    , m_historyProxy(new QSortFilterProxyModel(this))
    , m_historyView(new QTableView(this))
    , m_rejects(new RejectsPanel(host, &m_dialogs, this))
    , m_schedules(new SchedulesPanel(host, [this] {
        IngestOptions o = m_options->options();
        o.files = m_source->files();
        o.mappings = m_source->mappingOverrides();
        return o;
    }, this))
{
    setObjectName(QStringLiteral("ingestion"));

    m_historyProxy->setSourceModel(m_history);
    m_historyProxy->setSortRole(JobHistoryModel::SortRole);
    m_historyView->setObjectName(QStringLiteral("historyTable"));
    m_historyView->setAccessibleName(tr("Job history"));
    m_historyView->setModel(m_historyProxy);
    m_historyView->setSortingEnabled(true);
    m_historyView->sortByColumn(JobHistoryModel::IdColumn, Qt::DescendingOrder);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->setAlternatingRowColors(true);
    m_historyView->verticalHeader()->hide();
    m_historyView->verticalHeader()->setDefaultSectionSize(22);
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    // Fits the default window (1280 wide) without a horizontal scroll bar.
    m_historyView->setColumnWidth(JobHistoryModel::IdColumn, 50);
    m_historyView->setColumnWidth(JobHistoryModel::StatusColumn, 85);
    m_historyView->setColumnWidth(JobHistoryModel::SourceColumn, 170);
    for (int c = JobHistoryModel::ReadColumn; c <= JobHistoryModel::RejectedColumn; ++c)
        m_historyView->setColumnWidth(c, 76);
    m_historyView->setColumnWidth(JobHistoryModel::StartedColumn, 140);
    m_historyView->setColumnWidth(JobHistoryModel::DurationColumn, 75);
    // The widths above suit the English texts; a longer translation (the page is rebuilt when the
    // language changes) widens a column to its header and the status column to its longest word.
    const QFontMetrics headerFont = m_historyView->horizontalHeader()->fontMetrics();
    for (int c = 0; c < m_history->columnCount(QModelIndex()); ++c) {
        const int needed = headerFont.horizontalAdvance(m_history->headerData(c, Qt::Horizontal).toString()) + 18;
        m_historyView->setColumnWidth(c, std::max(m_historyView->columnWidth(c), needed));
    }
    for (JobStatus s : {JobStatus::Queued, JobStatus::Running, JobStatus::Paused, JobStatus::Completed,
                        JobStatus::Failed, JobStatus::Cancelled}) {
        const int needed = m_historyView->fontMetrics().horizontalAdvance(JobHistoryModel::statusText(s)) + 16;
        m_historyView->setColumnWidth(JobHistoryModel::StatusColumn,
                                      std::max(m_historyView->columnWidth(JobHistoryModel::StatusColumn), needed));
    }

    m_tabs->setObjectName(QStringLiteral("ingestionTabs"));
    m_tabs->addTab(m_historyView, tr("Job history"));
    m_tabs->addTab(m_rejects, tr("Rejects"));
    m_tabs->addTab(m_schedules, tr("Scheduled sync"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 8);
    layout->addWidget(m_source, 6);
    layout->addWidget(m_options);
    layout->addWidget(m_run);
    layout->addWidget(separator(this));
    layout->addWidget(m_tabs, 4);

    connect(m_source, &SourcePanel::sourceChanged, this, &IngestionPage::onSourceChanged);
    connect(m_options, &JobOptionsPanel::optionsChanged, this,
            [this] { m_source->setCollection(m_options->collection()); });
    connect(m_run, &JobRunPanel::jobQueued, this, [this](qint64 id) {
        m_selectAfterRefresh = id;
        refreshHistory();
    });
    connect(m_run, &JobRunPanel::stateChanged, this, [this](qint64 id, JobRunPanel::State state) {
        m_history->setLiveStatus(id, state == JobRunPanel::State::Paused    ? std::optional(JobStatus::Paused)
                                     : state == JobRunPanel::State::Running ? std::optional(JobStatus::Running)
                                                                            : std::nullopt);
    });
    connect(m_schedules, &SchedulesPanel::jobsQueued, this, &IngestionPage::refreshHistory);
    connect(m_rejects, &RejectsPanel::recordFixed, this, &IngestionPage::refreshHistory);
    connect(m_rejects, &RejectsPanel::countChanged, this, [this](int n) {
        m_tabs->setTabText(m_tabs->indexOf(m_rejects), n > 0 ? tr("Rejects (%1)").arg(n) : tr("Rejects"));
    });
    connect(m_historyView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &IngestionPage::onHistorySelectionChanged);

    connect(host, &EngineHost::opened, this, &IngestionPage::onOpened);
    connect(host, &EngineHost::closed, this, [this] { setEnabled(false); });
    connect(host, &EngineHost::jobChanged, this, [this](const JobEvent &e) {
        // Batches refresh the history now and then; every other event at once.
        if (e.isStateChange()
            || QDateTime::currentMSecsSinceEpoch() - m_lastHistoryRefreshMs > kHistoryRefreshDuringJobMs)
            refreshHistory();
        if (e.isEnd() && e.jobId == m_rejects->jobId())
            m_rejects->reload();
    });

    setTabOrder(m_source, m_options);
    setTabOrder(m_options, m_run);
    setTabOrder(m_run, m_tabs);
    setEnabled(host->isOpen());
    if (host->isOpen())
        onOpened(true);
}

void IngestionPage::onOpened(bool ok)
{
    setEnabled(ok);
    if (!ok)
        return;
    m_source->loadMissingPreviews();
    m_run->setStartable(!m_source->files().isEmpty());
    refreshHistory();
    m_schedules->reload();
    refreshEmbedderCost();
}

void IngestionPage::refreshEmbedderCost()
{
    // The embedder can change on the settings page while this page lives; asked again whenever
    // the chosen files change, so the automatic choice shown is the one the job will make.
    m_host->run(this, [](Engine &e) { return e.embedderInfo().expensive; },
                [this](bool expensive) { m_options->setExpensiveEmbedder(expensive); });
}

void IngestionPage::addFiles(const QStringList &files)
{
    m_source->addFiles(files);
}

void IngestionPage::onSourceChanged()
{
    const bool haveFiles = !m_source->files().isEmpty();
    m_options->setEstimate(m_source->estimatedRecords(), haveFiles && m_source->previewsReady());
    m_options->setAutoCollectionText(m_source->autoCollectionText());
    m_run->setStartable(haveFiles);
    refreshEmbedderCost();
}

std::optional<IngestOptions> IngestionPage::prepareJob(QString *why) const
{
    if (m_source->files().isEmpty()) {
        *why = tr("choose at least one file (Add files… or drop files on the window)");
        return std::nullopt;
    }
    if (!m_source->previewsReady()) {
        *why = tr("the files are still being read; try again in a moment");
        return std::nullopt;
    }
    if (const QString problem = m_source->blockingProblem(); !problem.isEmpty()) {
        *why = problem;
        return std::nullopt;
    }
    IngestOptions o = m_options->options();
    o.files = m_source->files();
    o.mappings = m_source->mappingOverrides();
    return o;
}

void IngestionPage::refreshHistory()
{
    m_lastHistoryRefreshMs = QDateTime::currentMSecsSinceEpoch();
    const quint64 generation = ++m_historyGeneration;
    m_host->run(this, [](Engine &e) { return e.jobs(kHistoryLimit); }, [this, generation](const QList<JobInfo> &jobs) {
        if (generation != m_historyGeneration)
            return;
        const qint64 selected = m_selectAfterRefresh > 0 ? m_selectAfterRefresh : selectedJob();
        m_selectAfterRefresh = 0;
        m_history->setJobs(jobs);
        if (selected > 0 && selected != selectedJob())
            selectJob(selected);
    });
}

qint64 IngestionPage::selectedJob() const
{
    const QModelIndexList rows = m_historyView->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(JobHistoryModel::JobIdRole).toLongLong();
}

void IngestionPage::selectJob(qint64 id)
{
    const int row = m_history->rowOfJob(id);
    if (row < 0)
        return;
    const QModelIndex index = m_historyProxy->mapFromSource(m_history->index(row, 0));
    m_historyView->selectRow(index.row());
    m_historyView->scrollTo(index);
}

void IngestionPage::onHistorySelectionChanged()
{
    const qint64 id = selectedJob();
    if (id != m_rejects->jobId())
        m_rejects->setJob(id);
}

} // namespace kms::ui
