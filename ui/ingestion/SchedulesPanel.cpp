// SPDX-License-Identifier: MIT
#include "ingestion/SchedulesPanel.h"

#include "host/EngineHost.h"
#include "ingestion/ScheduleRunner.h"
#include "ingestion/SchedulesModel.h"
#include "widgets/StatusStyle.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace kms::ui {

namespace {
struct ScheduleList {
    QList<SyncSchedule> schedules;
    QHash<qint64, JobInfo> lastJobs;
};
} // namespace

SchedulesPanel::SchedulesPanel(EngineHost *host, std::function<IngestOptions()> source, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_source(std::move(source))
    , m_model(new SchedulesModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_name(new QLineEdit(this))
    , m_interval(new QSpinBox(this))
    , m_add(new QPushButton(tr("Schedule the chosen files"), this))
    , m_run(new QPushButton(tr("Run now"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_message(new QLabel(this))
    , m_runner(new ScheduleRunner(host, this))
    , m_clock(new QTimer(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SchedulesModel::SortRole);
    m_view->setObjectName(QStringLiteral("schedulesTable"));
    m_view->setAccessibleName(tr("Scheduled syncs"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(SchedulesModel::NextRunColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(22);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(SchedulesModel::NameColumn, 160);
    m_view->setColumnWidth(SchedulesModel::FilesColumn, 200);
    m_view->setColumnWidth(SchedulesModel::NextRunColumn, 250);
    m_view->setColumnWidth(SchedulesModel::LastRunColumn, 150);

    m_name->setObjectName(QStringLiteral("scheduleName"));
    m_name->setAccessibleName(tr("Schedule name"));
    m_name->setPlaceholderText(tr("Name, e.g. Ticket export"));
    m_interval->setObjectName(QStringLiteral("scheduleInterval"));
    m_interval->setAccessibleName(tr("Interval in minutes"));
    m_interval->setRange(1, 7 * 24 * 60);
    m_interval->setValue(30);
    m_interval->setSuffix(tr(" min"));
    m_add->setObjectName(QStringLiteral("addScheduleButton"));
    m_add->setToolTip(tr("Re-ingest the files chosen above, with their mapping and options, every N minutes; "
                         "unchanged records are skipped"));
    m_run->setObjectName(QStringLiteral("runScheduleButton"));
    m_remove->setObjectName(QStringLiteral("removeScheduleButton"));
    m_message->setObjectName(QStringLiteral("scheduleMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);

    auto *form = new QHBoxLayout;
    auto *every = new QLabel(tr("&Every"), this);
    every->setBuddy(m_interval);
    form->addWidget(m_name, 1);
    form->addWidget(every);
    form->addWidget(m_interval);
    form->addWidget(m_add);
    form->addSpacing(16);
    form->addWidget(m_run);
    form->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);
    setTabOrder(m_name, m_interval);
    setTabOrder(m_interval, m_add);

    connect(m_add, &QPushButton::clicked, this, &SchedulesPanel::addSchedule);
    connect(m_run, &QPushButton::clicked, this, &SchedulesPanel::runSelected);
    connect(m_remove, &QPushButton::clicked, this, &SchedulesPanel::removeSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SchedulesPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SchedulesPanel::updateButtons);
    connect(m_runner, &ScheduleRunner::ran, this, [this](const QList<ScheduleRunResult> &results) {
        QStringList notes;
        for (const ScheduleRunResult &r : results)
            if (r.jobId == 0 && !r.note.isEmpty())
                notes.append(tr("Schedule %1: %2").arg(r.scheduleId).arg(r.note));
        if (!notes.isEmpty())
            showMessage(notes.join(QLatin1Char('\n')), false);
        reload();
        emit jobsQueued();
    });
    connect(host, &EngineHost::jobChanged, this, [this](const JobEvent &e) {
        if (e.isEnd())
            reload();
    });
    m_clock->setInterval(30000);
    connect(m_clock, &QTimer::timeout, m_model, &SchedulesModel::tick);
    m_clock->start();
    updateButtons();
}

void SchedulesPanel::reload()
{
    const quint64 generation = ++m_generation;
    m_host->run(this, [](Engine &e) {
        ScheduleList list;
        list.schedules = e.schedules();
        for (const SyncSchedule &s : std::as_const(list.schedules))
            if (s.lastJobId > 0)
                if (const auto job = e.job(s.lastJobId))
                    list.lastJobs.insert(job->id, *job);
        return list;
    }, [this, generation](const ScheduleList &list) {
        if (generation != m_generation)
            return;
        const qint64 selected = selectedId();
        m_model->setSchedules(list.schedules, list.lastJobs);
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            if (m_proxy->index(row, 0).data(SchedulesModel::ScheduleIdRole).toLongLong() == selected)
                m_view->selectRow(row);
    });
}

qint64 SchedulesPanel::selectedId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(SchedulesModel::ScheduleIdRole).toLongLong();
}

void SchedulesPanel::updateButtons()
{
    const bool selected = selectedId() > 0;
    m_run->setEnabled(selected);
    m_remove->setEnabled(selected);
}

void SchedulesPanel::showMessage(const QString &text, bool error)
{
    statusstyle::setTone(m_message, error ? statusstyle::Tone::Error : statusstyle::Tone::Neutral);
    m_message->setText(text);
}

void SchedulesPanel::addSchedule()
{
    const IngestOptions source = m_source();
    if (source.files.isEmpty()) {
        showMessage(tr("Choose the files to sync first (Add files… or drop them on the window)."), true);
        return;
    }
    QString name = m_name->text().trimmed();
    if (name.isEmpty())
        name = QFileInfo(source.files.first()).fileName();
    const int interval = m_interval->value();
    m_host->run(this, [name, source, interval](Engine &e) {
        QString error;
        const qint64 id = e.addSchedule(name, source, interval, &error);
        return id > 0 ? QString() : (error.isEmpty() ? SchedulesPanel::tr("unknown error") : error);
    }, [this, name](const QString &error) {
        if (!error.isEmpty()) {
            showMessage(tr("Could not add the schedule: %1").arg(error), true);
            return;
        }
        m_name->clear();
        showMessage(tr("“%1” is scheduled.").arg(name), false);
        reload();
    });
}

void SchedulesPanel::removeSelected()
{
    const qint64 id = selectedId();
    if (id <= 0)
        return;
    m_host->run(this, [id](Engine &e) {
        QString error;
        return e.removeSchedule(id, &error) ? QString() : error;
    }, [this](const QString &error) {
        if (!error.isEmpty())
            showMessage(tr("Could not remove the schedule: %1").arg(error), true);
        else
            showMessage(tr("The schedule is removed; its past jobs stay in the history."), false);
        reload();
    });
}

void SchedulesPanel::runSelected()
{
    const qint64 id = selectedId();
    if (id <= 0)
        return;
    m_host->run(this, [id](Engine &e) { return e.runSchedule(id, QDateTime::currentDateTimeUtc()); },
                [this](const ScheduleRunResult &r) {
                    if (r.jobId > 0) {
                        showMessage(tr("Queued job %1.").arg(r.jobId), false);
                        emit jobsQueued();
                    } else {
                        showMessage(tr("Nothing queued: %1").arg(r.note), true);
                    }
                    reload();
                });
}

} // namespace kms::ui
