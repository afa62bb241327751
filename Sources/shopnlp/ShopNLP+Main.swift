import ArgumentParser
import Foundation
import ShopNeural

extension ShopNLP {
    /// Exit status 2 for a bad command line (unknown option, value out of range), the
    /// convention of POSIX utilities and what scripts test for; 0 for success and help,
    /// 1 for a failure while running. ArgumentParser's own default for usage errors is 64.
    static func main() {
        // Before anything runs: OpenBLAS's idle workers would spin on a core for the first
        // tenth of a second of every command.
        BLAS.stopIdleThreads()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
