// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/IngestOptions.h"

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QTimer;

namespace kms::ui {

class EngineHost;
class ScheduleRunner;
class SchedulesModel;

// Scheduled syncs: the list with each schedule's next run, a form that schedules the page's
// current source (files, mapping and options) every N minutes, and "Run now" / "Remove".
class SchedulesPanel : public QWidget
{
    Q_OBJECT
public:
    // source() gives the files and options the page would start a job with.
    SchedulesPanel(EngineHost *host, std::function<IngestOptions()> source, QWidget *parent = nullptr);

    void reload();
    SchedulesModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    ScheduleRunner *runner() const { return m_runner; }

signals:
    void jobsQueued(); // a schedule queued a job (by its timer or "Run now")

private:
    void addSchedule();
    void removeSelected();
    void runSelected();
    qint64 selectedId() const;
    void updateButtons();
    void showMessage(const QString &text, bool error);

    EngineHost *m_host;
    std::function<IngestOptions()> m_source;
    SchedulesModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_name;
    QSpinBox *m_interval;
    QPushButton *m_add;
    QPushButton *m_run;
    QPushButton *m_remove;
    QLabel *m_message;
    ScheduleRunner *m_runner;
    QTimer *m_clock; // refreshes "in 12 min"
    quint64 m_generation = 0; // older answers arriving late are dropped
};

} // namespace kms::ui
