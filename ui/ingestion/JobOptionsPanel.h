// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/IngestOptions.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QSpinBox;

namespace kms::ui {

// Collection, mode, workers, batch size and priority of the next job. Workers and batch size
// start at "Auto", which shows what the automatic choice (chooseTuning over the record estimate)
// would take; typing a number overrides it.
class JobOptionsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit JobOptionsPanel(QWidget *parent = nullptr);

    // Everything but files and mappings.
    IngestOptions options() const;
    std::optional<Collection> collection() const;
    // The record estimate of the chosen files and the collection auto would pick.
    void setEstimate(qint64 records, bool known);
    // What "Auto" means for the chosen files: "cases", or "by record_type" for mixed files.
    void setAutoCollectionText(const QString &what);
    // Whether the engine's embedder is expensive (Embedder::isExpensive): it changes the
    // automatic batch size of large loads.
    void setExpensiveEmbedder(bool expensive);
    Tuning tuning() const { return m_tuning; }

signals:
    void optionsChanged();

private:
    void updateAutomaticChoice();

    QComboBox *m_collection;
    QComboBox *m_mode;
    QSpinBox *m_workers;
    QSpinBox *m_batchSize;
    QComboBox *m_priority;
    QLabel *m_choice;
    qint64 m_estimate = 0;
    bool m_estimateKnown = false;
    bool m_expensiveEmbedder = false;
    Tuning m_tuning;
};

} // namespace kms::ui
