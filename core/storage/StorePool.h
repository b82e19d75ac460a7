// SPDX-License-Identifier: MIT
#pragma once

#include "storage/Store.h"

#include <memory>
#include <mutex>
#include <vector>

namespace kms {

// Every connection the process has to one database: ONE writer and a pool of read-only
// connections for search, browsing, health and the ingestion workers. Nothing else opens the
// database file, so SQLite never has two writers of ours to arbitrate between.
//
// The writer is one connection behind a mutex rather than a queue with a thread of its own: every
// write is a short transaction whose caller needs the result at once (a new id, a batch outcome),
// and SQLite serialises writers anyway; a queue would add a thread hop per write and nothing else.
// The mutex is recursive so a thread holding the writer can also take a reader of an in-memory
// database (which is the writer, see reader()).
class StorePool
{
public:
    // Opens (creating and migrating) the database and its writer. Read connections are opened when
    // first needed and kept for reuse.
    static std::unique_ptr<StorePool> open(const QString &path, QString *error);
    // Opens an existing database that another process writes: every connection, the "writer"
    // included, is read-only (SQLITE_OPEN_READONLY), so nothing here can change the file; a
    // write through writer() fails with "database ... is open read-only". No migration: a
    // database of another schema version is refused with the version it needs.
    static std::unique_ptr<StorePool> openReadOnly(const QString &path, QString *error);
    bool isReadOnly() const { return m_readOnly; }
    ~StorePool();
    StorePool(const StorePool &) = delete;
    StorePool &operator=(const StorePool &) = delete;

    QString path() const { return m_path; }

    // Exclusive use of the writer while this object lives.
    class Writer
    {
    public:
        Store &operator*() const { return *m_store; }
        Store *operator->() const { return m_store; }
        Store *get() const { return m_store; }

    private:
        friend class StorePool;
        Writer(std::recursive_mutex &m, Store *s) : m_lock(m), m_store(s) {}
        std::unique_lock<std::recursive_mutex> m_lock;
        Store *m_store;
    };
    Writer writer() { return Writer(m_writerMutex, m_writer.get()); }
    template<typename F> auto write(F &&f)
    {
        Writer w = writer();
        return f(*w);
    }

    // A read connection, back to the pool when this object goes. For ":memory:" (tests), and when a
    // new read connection cannot be opened, it is the writer under the writer's lock: the writer
    // reads as well, and a second connection to ":memory:" would be another, empty database.
    class Reader
    {
    public:
        Reader(Reader &&other) noexcept;
        Reader &operator=(Reader &&) = delete;
        ~Reader();
        Store &operator*() const { return *m_store; }
        Store *operator->() const { return m_store; }
        Store *get() const { return m_store; }

    private:
        friend class StorePool;
        Reader() = default;
        StorePool *m_pool = nullptr;
        std::unique_ptr<Store> m_owned;               // a pooled connection
        std::unique_lock<std::recursive_mutex> m_lock; // the writer serving as reader
        Store *m_store = nullptr;
    };
    Reader reader();
    template<typename F> auto read(F &&f)
    {
        Reader r = reader();
        return f(*r);
    }

private:
    StorePool() = default;
    void release(std::unique_ptr<Store> s);

    QString m_path;
    bool m_inMemory = false;
    bool m_readOnly = false;
    std::recursive_mutex m_writerMutex;
    std::unique_ptr<Store> m_writer;
    std::mutex m_idleMutex;
    std::vector<std::unique_ptr<Store>> m_idle;
};

} // namespace kms
