// SPDX-License-Identifier: MIT
#pragma once

#include "appsettings/AppSettings.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace kms::ui {

// The application's own settings: data directory (used from the next start), theme and language
// (applied at once), and the presets of new ingestion jobs. Every change is validated and saved
// when the field is left; a refused value shows why and is not saved.
class ApplicationSettingsPanel : public QWidget
{
    Q_OBJECT
public:
    ApplicationSettingsPanel(AppSettings *settings, const QString &openDataDirectory, QWidget *parent = nullptr);

    // Seam for tests: chooses a folder (default: QFileDialog). Empty result: nothing chosen.
    std::function<QString(QWidget *parent, const QString &start)> chooseDirectory;

    void setSchedulesAvailable(bool available);
    void setOpenDataDirectory(const QString &path); // the one the engine uses now
    QList<QWidget *> focusChain() const;

signals:
    void showPageRequested(const QString &id);

private:
    void build();
    void load();
    void commit(AppSettings::Key key, const QVariant &value);
    void browse();
    void showMessage(const QString &text, bool error);
    void updateDataDirectoryNote();

    AppSettings *m_settings;
    QString m_openDataDirectory;
    QLineEdit *m_dataDirectory = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_dataDirectoryNote = nullptr;
    QComboBox *m_theme = nullptr;
    QComboBox *m_language = nullptr;
    QSpinBox *m_workers = nullptr;
    QSpinBox *m_batchSize = nullptr;
    QPushButton *m_schedules = nullptr;
    QPushButton *m_defaults = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace kms::ui
