import CCurl
import Glibc
import Synchronization

/// The process's one libcurl multi handle and the thread that drives it. Any number of
/// transfers wait in a single `curl_multi_poll`, so HTTP checks cost no thread each and never
/// block Swift's cooperative pool; connections to the same host are reused across transfers.
///
/// The multi handle is used only on the loop thread. Other threads talk to it through the
/// inbox (under a mutex) and `curl_multi_wakeup`, the one multi call that is thread-safe.
final class CurlMultiLoop: Sendable {
    /// Created on first use, so commands that make no HTTP request never initialise libcurl.
    static let shared = CurlMultiLoop()

    private struct Inbox {
        var added: [CurlTransfer] = []
        var cancelled: [CurlTransfer] = []
    }

    private nonisolated(unsafe) let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())

    private init() {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        guard let multi = curl_multi_init() else {
            fatalError("curl_multi_init failed: libcurl could not allocate its multi handle")
        }
        self.multi = multi
        startThread()
    }

    /// Hands a configured transfer to the loop; its continuation is resumed when it ends.
    func submit(_ transfer: CurlTransfer) {
        inbox.withLock { $0.added.append(transfer) }
        curl_multi_wakeup(multi)
    }

    /// Abandons a transfer (its task was cancelled); harmless if it has already ended.
    func cancel(_ transfer: CurlTransfer) {
        inbox.withLock { inbox in
            transfer.cancelRequested = true
            inbox.cancelled.append(transfer)
        }
        curl_multi_wakeup(multi)
    }

    private func startThread() {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let created = pthread_create(&thread, nil, { context in
            Unmanaged<CurlMultiLoop>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        guard created == 0 else {
            fatalError("could not start the HTTP thread: pthread_create returned \(created)")
        }
        pthread_detach(thread)
    }

    /// The loop thread's body; it runs for the life of the process. `active` maps each easy
    /// handle libcurl is working on to its transfer and lives only on this thread.
    private func run() {
        SignalMask.blockAllOnCurrentThread()
        var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
        var running: Int32 = 0
        while true {
            let (start, abandon, cancelled) = takeInbox()
            for transfer in abandon {
                finish(transfer, with: CurlTransfer.cancelledResponse())
            }
            for transfer in start {
                let added = curl_multi_add_handle(multi, transfer.easy)
                if added == CURLM_OK {
                    active[transfer.easy] = transfer
                } else {
                    finish(transfer, with: CurlTransfer.failedResponse(String(cString: curl_multi_strerror(added))))
                }
            }
            // Identity, not just the key: a finished transfer's handle address may be reused.
            for transfer in cancelled where active[transfer.easy] === transfer {
                active[transfer.easy] = nil
                curl_multi_remove_handle(multi, transfer.easy)
                finish(transfer, with: CurlTransfer.cancelledResponse())
            }
            curl_multi_perform(multi, &running)
            var easy: UnsafeMutableRawPointer?
            var result = CURLE_OK
            while tta_curl_multi_next_done(multi, &easy, &result) != 0 {
                guard let easy, let transfer = active.removeValue(forKey: easy) else { continue }
                curl_multi_remove_handle(multi, easy)
                finish(transfer, with: transfer.response(result: result))
            }
            // Sleeps until a socket is ready, libcurl's next timeout, or a wakeup from submit or
            // cancel; the cap only bounds how long an idle thread sleeps between checks.
            if curl_multi_poll(multi, nil, 0, 60_000, nil) != CURLM_OK {
                // Only a broken multi handle fails here; do not let that become a busy loop.
                usleep(10_000)
            }
        }
    }

    /// Drains the inbox. `cancelRequested` is written under the lock, so it is read here: a
    /// transfer cancelled before the loop ever saw it is abandoned without starting.
    private func takeInbox() -> (start: [CurlTransfer], abandon: [CurlTransfer], cancelled: [CurlTransfer]) {
        inbox.withLock { inbox in
            defer { inbox = Inbox() }
            let start = inbox.added.filter { !$0.cancelRequested }
            let abandon = inbox.added.filter { $0.cancelRequested }
            return (start, abandon, inbox.cancelled)
        }
    }

    /// Releases the easy handle here, on the loop thread, before the waiting task resumes.
    private func finish(_ transfer: CurlTransfer, with response: HTTPProbeResponse) {
        transfer.close()
        let continuation = transfer.continuation
        transfer.continuation = nil
        continuation?.resume(returning: response)
    }
}
