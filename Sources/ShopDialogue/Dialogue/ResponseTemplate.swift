/// Response templates: `{slot_name}` placeholders filled from slot values.
public enum ResponseTemplate {
    /// Names of the `{…}` placeholders in a template, in order.
    public static func placeholders(in template: String) -> [String] {
        var out: [String] = []
        var current: String?
        for ch in template {
            if ch == "{" { current = "" } else if ch == "}", let c = current {
                if !c.isEmpty { out.append(c) }
                current = nil
            } else if current != nil {
                current!.append(ch)
            }
        }
        return out
    }

    /// Fills the placeholders; unknown ones are left as written.
    public static func render(_ template: String, slots: [String: String]) -> String {
        var out = template
        for (k, v) in slots { out = out.replacingOccurrences(of: "{\(k)}", with: v) }
        return out
    }
}

import Foundation
