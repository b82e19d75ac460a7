// SPDX-License-Identifier: MIT
#pragma once

#include "config/EngineConfig.h"

#include <QWidget>

class QLabel;
class QLineEdit;

namespace kms::ui {

class EngineHost;

// Where embedding workers on other machines (kmsctl worker) meet this store: the Redis URL of the
// engine's configuration, and what is registered there now (workers with this store's embedder,
// workers with another one, or why Redis cannot be reached). A password inside the URL is never
// shown: the field masks it and keeps it unless the URL is edited.
class WorkersForm : public QWidget
{
    Q_OBJECT
public:
    explicit WorkersForm(EngineHost *host, QWidget *parent = nullptr);

    void display(const QString &redisUrl); // then asks the engine who is registered
    void fill(EngineConfig *config) const;
    QLineEdit *urlField() const { return m_url; }

private:
    void refresh();

    EngineHost *m_host;
    QString m_shownUrl;    // the configured URL, password included
    QLineEdit *m_url = nullptr;
    QLabel *m_state = nullptr;
    int m_query = 0;       // answers to older queries are stale
};

} // namespace kms::ui
