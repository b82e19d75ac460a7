// SPDX-License-Identifier: MIT
#pragma once

#include "model/Browse.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTimer;

namespace kms::ui {

// The data browser's filters: words (search syntax), status, priority, product, category and a tag.
// Choices come from the stored values (setFacets). Typing is debounced; changed() fires once the
// user pauses or picks a value.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kTypingDelayMs = 300;

    explicit FilterBar(QWidget *parent = nullptr);

    // Shows the filters that apply to the collection (cases: priority; articles: category).
    void setCollection(Collection c);
    // Fills the choices, keeping the current selections that still exist.
    void setFacets(const BrowseFacets &facets);
    // Writes the filter fields of q from the widgets / sets the widgets from q (without changed()).
    void applyTo(BrowseQuery *q) const;
    void load(const BrowseQuery &q);
    void clear();
    QLineEdit *textEdit() const { return m_text; }

signals:
    void changed();

private:
    void fill(QComboBox *combo, const QStringList &values, const QString &anyText);

    QLineEdit *m_text;
    QComboBox *m_status;
    QComboBox *m_priority;
    QComboBox *m_product;
    QComboBox *m_category;
    QLineEdit *m_tag;
    QPushButton *m_clear;
    QTimer *m_typing;
    Collection m_collection = Collection::Cases;
    bool m_loading = false;
};

} // namespace kms::ui
