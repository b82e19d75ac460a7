// SPDX-License-Identifier: MIT
#pragma once

#include "search/SearchTypes.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace kms::ui {

struct HistoryEntry;

// The search console's controls: the query box with mode and collection, and (behind "Filters")
// the filters the engine supports, hits per page and the fusion settings. Turns them into a
// SearchQuery, or says which control holds a bad value.
class SearchForm : public QWidget
{
    Q_OBJECT
public:
    explicit SearchForm(QWidget *parent = nullptr);

    // The query the controls describe (offset 0); nullopt and *error when a control is invalid.
    std::optional<SearchQuery> query(QString *error) const;
    QString text() const;
    void setText(const QString &text);
    bool searchAsYouType() const;
    // Restores text, mode and filters of a search from the history.
    void apply(const HistoryEntry &entry);
    void showError(const QString &message); // empty: hide

    QLineEdit *queryEdit() const { return m_query; }
    QToolButton *recentButton() const { return m_recent; }
    QWidget *lastInTabOrder() const;

signals:
    void submitted();       // Enter in the query box, or the Search button
    void edited();          // the query or an option changed: a debounced search may follow
    void leaveDown();       // Down arrow in the query box: go to the results

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildFilters();
    void updateEnabled();

    QLineEdit *m_query;
    QComboBox *m_mode;
    QComboBox *m_collection;
    QPushButton *m_search;
    QToolButton *m_recent;
    QToolButton *m_filtersToggle;
    QWidget *m_filters = nullptr;
    QLineEdit *m_status = nullptr;
    QLineEdit *m_priority = nullptr;
    QLineEdit *m_product = nullptr;
    QLineEdit *m_category = nullptr;
    QLineEdit *m_tags = nullptr;
    QComboBox *m_dateField = nullptr;
    QLineEdit *m_from = nullptr; // YYYY-MM-DD, empty: open-ended
    QLineEdit *m_to = nullptr;
    QSpinBox *m_k = nullptr;
    QComboBox *m_fusion = nullptr;
    QDoubleSpinBox *m_keywordWeight = nullptr;
    QSpinBox *m_rrfK = nullptr;
    QCheckBox *m_asYouType = nullptr;
    QLabel *m_error;
};

} // namespace kms::ui
