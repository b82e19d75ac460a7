// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <atomic>

#include <functional>
#include <memory>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace kms {

// The compressed form of a record's long texts (body, resolution, extra fields). Each collection
// of a store gets a zstd dictionary trained on its own first large batch: a support text of a
// kilobyte repeats its neighbours' phrases, and with the dictionary it shrinks 3-6x where zstd
// alone (no shared history) manages 1.5x. A stored value is either plain TEXT, as before, or a
// BLOB "format byte, dictionary id (varint), zstd frame"; readers go through the SQL function
// kms_text(), so one query reads old and new rows alike.
//
// One codec per connection, used by one thread at a time like its Store.
class TextCodec
{
public:
    // Returns the stored dictionary with this id ({} when there is none).
    using DictionaryLoader = std::function<QByteArray(qint64 id)>;

    TextCodec();
    ~TextCodec();
    TextCodec(const TextCodec &) = delete;
    TextCodec &operator=(const TextCodec &) = delete;

    // A dictionary for texts like these, or {} with *error set when they are too few or too
    // alike for zstd's trainer to find anything.
    static QByteArray train(const std::vector<QByteArray> &samples, QString *error);
    // Whether a batch offers enough text to train on (training on a handful of records would
    // fix a poor dictionary for the collection's life).
    static bool enoughToTrain(qsizetype samples, qsizetype bytes);

    // Makes dictionary `id` known for decoding and, for `collection`, the one new values use.
    bool addDictionary(qint64 id, int collection, const QByteArray &dictionary, QString *error);
    bool compresses(int collection) const;
    // Drops every dictionary (after a failed write transaction that may have stored one).
    void clear();

    // The value to store for `utf8`: its compressed form when that is smaller, else {} (store
    // the text itself).
    QByteArray pack(int collection, const QByteArray &utf8);
    // Decodes a stored BLOB; a dictionary not yet known is asked of `load`.
    bool unpack(const QByteArray &blob, QByteArray *utf8, QString *error, const DictionaryLoader &load);

private:
    struct Dictionary;
    std::shared_ptr<Dictionary> dictionary(qint64 id, const DictionaryLoader &load, QString *error);

    QHash<qint64, std::shared_ptr<Dictionary>> m_byId;
    QHash<int, std::shared_ptr<Dictionary>> m_current; // by collection
    struct Contexts;
    std::unique_ptr<Contexts> m_ctx;
};

struct StoreCheck;

namespace sql {
// kms_text(value): the text of a stored value, decompressing it when it is a BLOB. Dictionaries
// come from the text_dictionaries table of the same connection.
bool registerTextFunction(sqlite3 *db, TextCodec *codec);
// The same for column c of a statement on its row, where one damaged value must not end the
// statement (kms_text's error would): false with *error when the value cannot be decoded.
bool columnText(sqlite3_stmt *st, int c, TextCodec &codec, QString *text, QString *error);
}

// Decodes every compressed text of the store (SQLite's integrity check cannot see inside them):
// "ok", or how many records have a text that cannot be read, the first ten named with the field.
// In StoreTexts.cpp, with the store's other text functions.
StoreCheck checkStoredTexts(sqlite3 *db, TextCodec &codec, const std::atomic<bool> *cancel);

} // namespace kms
