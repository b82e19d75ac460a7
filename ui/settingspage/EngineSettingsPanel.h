// SPDX-License-Identifier: MIT
#pragma once

#include "config/EngineConfig.h"
#include "engine/EmbedderInfo.h"
#include "settingspage/ConfigApplyTask.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QFormLayout;
class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace kms::ui {

class EmbedderForm;
class EngineHost;
class WorkersForm;

// The engine's configuration of the open data directory: embedder (listed from the engine's own
// description, so another embedder kind needs no form change), HNSW parameters, engine values,
// each with its current value and range, and the Redis URL of embedding workers. Apply validates, says what the change will take (at once,
// an index rebuild, a re-embed of every record), asks before the long ones and runs them in the
// background with progress and cancel; the engine keeps serving the old state until the new one
// is complete.
class EngineSettingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit EngineSettingsPanel(EngineHost *host, QWidget *parent = nullptr);

    // Seam for tests: asks a yes/no question (default: QMessageBox::question).
    std::function<bool(QWidget *parent, const QString &title, const QString &text)> confirm;

    QList<QWidget *> focusChain() const;
    EngineConfig shownConfig() const;  // what the form holds
    EngineConfig engineConfig() const { return m_current; }
    EmbedderForm *embedderForm() const { return m_embedderForm; }
    bool isLoaded() const { return m_loaded; }

public slots:
    void reload();   // reads the engine's configuration again
    void apply();
    void revert();

signals:
    void loaded();
    void focusChainChanged();
    void applyFinished(bool ok);

private:
    void build();
    void display(const EngineConfig &config, const EmbedderInfo &embedder, qint64 records, qint64 backlog);
    void rebuildRows();
    // Asks before a re-embed with what it will take (records; tokens and cost for a paid server),
    // read from the engine first; then `go` runs when the user agrees.
    void confirmReembed(const EngineConfig &next, const QString &title, const QString &intro,
                        std::function<void()> go);
    void trainLsa(int rank);
    void reembedNow();
    void setBusy(bool busy);
    void attach(ConfigApplyTask *task);
    void onProgress(qint64 done, qint64 total);
    void onFinished(const ConfigApplyTask::Outcome &outcome);
    void showMessage(const QString &text, bool error);
    QSpinBox *makeSpin(const EngineConfig::KeyInfo &key);

    EngineHost *m_host;
    EngineConfig m_current;
    qint64 m_records = 0;
    bool m_loaded = false;
    int m_generation = 0; // bumped by each finished change: older reloads are stale
    QHash<QString, QSpinBox *> m_spins;        // by EngineConfig key
    QList<QString> m_keyOrder;
    QLabel *m_state = nullptr;
    QGroupBox *m_embedderGroup = nullptr;
    EmbedderForm *m_embedderForm = nullptr;
    QGroupBox *m_hnswGroup = nullptr;
    QGroupBox *m_engineGroup = nullptr;
    QGroupBox *m_workersGroup = nullptr;
    WorkersForm *m_workersForm = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_revert = nullptr;
    QWidget *m_progressRow = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_message = nullptr;
    QPointer<ConfigApplyTask> m_task;
};

} // namespace kms::ui
