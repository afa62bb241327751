import Foundation

/// Cores available to this process (kept out of ALS.swift, which stays Foundation-free math).
func ProcessInfo_activeCores() -> Int { ProcessInfo.processInfo.activeProcessorCount }
