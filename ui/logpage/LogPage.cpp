// SPDX-License-Identifier: MIT
#include "logpage/LogPage.h"

#include "host/EngineHost.h"
#include "log/Log.h"
#include "logpage/LogFilterModel.h"
#include "logpage/LogModel.h"
#include "widgets/ElidedLabel.h"
#include "widgets/Format.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace kms::ui {

namespace {
constexpr int kPollMs = 250;       // four updates a second, however fast lines come
constexpr size_t kLinesPerPoll = 2000; // more than that in 250 ms: the newest are shown, the rest counted
} // namespace

LogPage::LogPage(EngineHost *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_model(new LogModel(10'000, this))
    , m_filter(new LogFilterModel(this))
    , m_level(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_pause(new QPushButton(this))
    , m_follow(new QCheckBox(tr("Follow new lines"), this))
    , m_clear(new QPushButton(tr("Clear"), this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
    , m_path(new ElidedLabel(this))
    , m_open(new QPushButton(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("Open log file"), this))
    , m_timer(new QTimer(this))
    , m_searchDelay(new QTimer(this))
    , m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    setObjectName(QStringLiteral("logs"));
    m_filter->setSourceLog(m_model);

    auto *levelLabel = new QLabel(tr("&Level"), this);
    levelLabel->setBuddy(m_level);
    m_level->setObjectName(QStringLiteral("levelFilter"));
    m_level->setAccessibleName(tr("Lowest level shown"));
    for (int level = 0; level <= 4; ++level)
        m_level->addItem(tr("%1 and above").arg(LogModel::levelText(level)), level);
    m_level->setCurrentIndex(0);

    m_search->setObjectName(QStringLiteral("searchFilter"));
    m_search->setAccessibleName(tr("Filter lines"));
    m_search->setPlaceholderText(tr("Filter: text in the message or the logger name"));
    m_search->setClearButtonEnabled(true);

    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setCheckable(true);
    m_follow->setObjectName(QStringLiteral("followCheck"));
    m_follow->setChecked(true);
    m_clear->setObjectName(QStringLiteral("clearButton"));
    m_clear->setToolTip(tr("Empties this view; the log file keeps every line"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(levelLabel);
    bar->addWidget(m_level);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_pause);
    bar->addWidget(m_follow);
    bar->addWidget(m_clear);

    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setAccessibleName(tr("Log lines"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    // Fixed row heights: the view never measures 10,000 rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    const QFontMetrics fm = m_view->fontMetrics();
    header->resizeSection(LogModel::TimeColumn, fm.horizontalAdvance(QStringLiteral("00:00:00.000")) + 20);
    header->resizeSection(LogModel::LevelColumn, fm.horizontalAdvance(tr("Critical")) + 24);
    header->resizeSection(LogModel::LoggerColumn, fm.horizontalAdvance(QStringLiteral("kms.core.ingest.x")) + 24);

    m_status->setObjectName(QStringLiteral("logStatus"));
    m_path->setObjectName(QStringLiteral("logFilePath"));
    m_path->setAccessibleName(tr("Log file"));
    m_open->setObjectName(QStringLiteral("openLogButton"));
    auto *fileLabel = new QLabel(tr("Log file:"), this);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 2);
    bottom->addSpacing(16);
    bottom->addWidget(fileLabel);
    bottom->addWidget(m_path, 3);
    bottom->addWidget(m_open);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 10);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);
    setTabOrder(m_level, m_search);
    setTabOrder(m_search, m_pause);
    setTabOrder(m_pause, m_follow);
    setTabOrder(m_follow, m_clear);
    setTabOrder(m_clear, m_view);
    setTabOrder(m_view, m_open);

    connect(m_level, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setMinimumLevel(m_level->currentData().toInt());
        updateStatus();
    });
    // Filtering 10,000 lines per keystroke is quick, but not while someone is still typing.
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] {
        m_filter->setText(m_search->text().trimmed());
        updateStatus();
    });
    connect(m_pause, &QPushButton::toggled, this, &LogPage::setPaused);
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_view->scrollToBottom();
    });
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_model->clear();
        m_missed = 0;
        updateStatus();
    });
    connect(m_open, &QPushButton::clicked, this, &LogPage::openFile);
    // The engine adds the file in the data directory when it opens.
    connect(host, &EngineHost::opened, this, &LogPage::updateFile);

    m_timer->setInterval(kPollMs);
    connect(m_timer, &QTimer::timeout, this, &LogPage::poll);
    setPaused(false);
    updateFile();
    updateStatus();
}

void LogPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateFile();
    // Only shown pages poll; the feed keeps as many lines as the model, so nothing is lost meanwhile.
    poll();
    m_timer->start();
}

void LogPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
}

void LogPage::poll()
{
    if (m_paused)
        return;
    // The first fetch takes what the feed holds; later ones a bounded batch.
    const size_t max = m_lastSeq == 0 ? size_t(m_model->maxRows()) : kLinesPerPoll;
    const log::FeedBatch batch = log::entriesSince(m_lastSeq, max);
    if (m_lastSeq > 0)
        m_missed += batch.missed; // lines older than the feed at the first fetch were never "missed"
    m_lastSeq = batch.lastSeq;
    if (batch.entries.isEmpty()) {
        if (batch.missed > 0)
            updateStatus();
        return;
    }
    m_model->append(batch.entries);
    if (m_follow->isChecked())
        m_view->scrollToBottom();
    updateStatus();
}

void LogPage::setPaused(bool paused)
{
    m_paused = paused;
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_pause->setIcon(style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    m_pause->setToolTip(paused ? tr("Show the lines logged while paused, and new ones")
                               : tr("Stop adding new lines to the view"));
    if (!paused && isVisible())
        poll();
    updateStatus();
}

void LogPage::updateStatus()
{
    QString text = tr("%1 of %2 lines shown").arg(format::count(m_filter->rowCount()), format::count(m_model->rowCount()));
    if (m_missed > 0)
        text += QStringLiteral(" · ") + tr("%1 lines skipped (too many at once); the log file has them").arg(format::count(qint64(m_missed)));
    if (m_paused)
        text += QStringLiteral(" · ") + tr("paused");
    m_status->setText(text);
    m_status->setToolTip(tr("Loggers record %1 and above; finer levels are not written.")
                             .arg(LogModel::levelText(log::level()).toLower()));
}

void LogPage::updateFile()
{
    const QString path = log::filePath();
    m_path->setText(path.isEmpty() ? tr("none: this session logs to the console only") : path);
    m_path->setToolTip(path);
    m_open->setEnabled(!path.isEmpty());
}

void LogPage::openFile()
{
    const QString path = log::filePath();
    if (path.isEmpty())
        return;
    // No flush or existence check here: the GUI thread does no file I/O. Warnings and worse are
    // flushed as they are logged; the viewer application reports a missing file itself.
    if (!m_openUrl(QUrl::fromLocalFile(path)))
        m_status->setText(tr("Could not open %1: no application for it, or the file is gone.").arg(path));
}

} // namespace kms::ui
