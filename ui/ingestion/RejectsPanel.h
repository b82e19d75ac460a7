// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace kms::ui {

class EngineHost;
class RejectsModel;
struct DialogHooks;

// The rejected records of the job selected in the history: export them to CSV, or fix one and
// retry it.
class RejectsPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int MaxShown = 5000; // the export takes all of them

    RejectsPanel(EngineHost *host, const DialogHooks *dialogs, QWidget *parent = nullptr);

    void setJob(qint64 jobId); // 0: none
    qint64 jobId() const { return m_jobId; }
    void reload();
    RejectsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

signals:
    void recordFixed(); // a reject was fixed: the store and the job's rejects changed
    void countChanged(int rejects);

private:
    void exportCsv();
    void fixSelected();
    void updateButtons();

    EngineHost *m_host;
    const DialogHooks *m_dialogs;
    qint64 m_jobId = 0;
    quint64 m_generation = 0; // answers to older reloads may arrive after newer ones: dropped
    QLabel *m_title;
    QTableView *m_view;
    RejectsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QPushButton *m_export;
    QPushButton *m_fix;
    QLabel *m_status;
};

} // namespace kms::ui
