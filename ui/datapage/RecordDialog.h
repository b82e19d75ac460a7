// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/RecordValidation.h"
#include "model/Browse.h"
#include "model/StoredRecord.h"

#include <QDialog>
#include <QHash>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace kms::ui {

// Creates or edits one case or article. Save checks the fields with core's rules (validateRecord,
// no I/O) and shows each problem under its field; a valid record is handed out with saveRequested()
// and the dialog waits (setBusy) for the page to report the engine's answer: accept() on success,
// showProblems() / showError() otherwise (e.g. an external id another record took meanwhile).
class RecordDialog : public QDialog
{
    Q_OBJECT
public:
    // existing: the stored record when editing (external id then read-only), nullopt to create.
    RecordDialog(Collection collection, const std::optional<StoredRecord> &existing, const AllowedValues &allowed,
                 const BrowseFacets &facets, QWidget *parent = nullptr);

    Collection collection() const { return m_collection; }
    qint64 recordId() const { return m_existing ? m_existing->id : 0; }
    // The record as the fields say (not yet normalised or validated).
    Record record() const;
    // Shows the problems under their fields (and focuses the first); clears older ones.
    void showProblems(const QList<FieldProblem> &problems);
    void showError(const QString &message);
    void setBusy(bool busy);
    // The message shown under a field, empty when none (tests, accessibility).
    QString problemShown(Field field) const;

    // The user-facing wording of a problem, translated.
    static QString problemText(const FieldProblem &problem);

signals:
    void saveRequested(const kms::Record &record);

private:
    void onSave();
    void addRow(QFormLayout *form, Field field, const QString &label, QWidget *input);
    void clearProblems();

    Collection m_collection;
    std::optional<StoredRecord> m_existing;
    AllowedValues m_allowed;
    QLineEdit *m_externalId;
    QLineEdit *m_title;
    QPlainTextEdit *m_body;
    QPlainTextEdit *m_resolution = nullptr;
    QComboBox *m_status;
    QComboBox *m_priority = nullptr;
    QComboBox *m_product;
    QComboBox *m_category = nullptr;
    QLineEdit *m_tags;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QHash<int, QLabel *> m_problemLabels; // Field -> label under its input
    QHash<int, QWidget *> m_inputs;
};

} // namespace kms::ui
