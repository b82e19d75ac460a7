// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;

namespace kms::ui {

class EngineHost;
class HealthCard;
class MaintenancePanel;
class StatusBadge;

// The health of the open data directory: one card per component (database, vector index, embedder,
// disk, memory) with its status colour and details, refreshed every 10 s while the page is shown,
// after each job and on request; below them the integrity check and the index rebuild.
// A quick refresh (timer, job end) reads counts and sizes; a detailed one (the button, page shown
// after a while, after maintenance) also runs SQLite's quick_check and verifies the index file.
class HealthPage : public QWidget
{
    Q_OBJECT
public:
    explicit HealthPage(EngineHost *host, QWidget *parent = nullptr);

    HealthCard *card(const QString &component) const { return m_cards.value(component); }
    MaintenancePanel *maintenance() const { return m_maintenance; }
    QJsonObject lastHealth() const { return m_health; }

public slots:
    void refresh(bool detailed);

signals:
    // A health report arrived and the cards show it.
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onOpened(bool ok, const QString &error);
    void display(const QJsonObject &health, bool detailed);
    void autoRefresh();

    EngineHost *m_host;
    StatusBadge *m_overall;
    QLabel *m_summary;
    QLabel *m_updated;
    QPushButton *m_refresh;
    QMap<QString, HealthCard *> m_cards;
    MaintenancePanel *m_maintenance;
    QTimer *m_timer;
    QJsonObject m_health;
    QJsonObject m_detailed;      // the last detailed report: quick refreshes keep showing its checks
    qint64 m_detailedAtMs = 0;
    bool m_inFlight = false;
    bool m_pending = false;      // a refresh was asked for while one ran
    bool m_pendingDetailed = false;
    bool m_jobEnded = false;     // a job finished since the last detailed refresh
};

} // namespace kms::ui
