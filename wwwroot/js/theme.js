// The user's light/dark choice, kept in this browser across visits. Absent: follow the system's preference.
const key = "mskplanner-theme";

export function getPreference() {
    try {
        return localStorage.getItem(key);
    } catch {
        return null;
    }
}

export function setPreference(value) {
    try {
        localStorage.setItem(key, value);
    } catch {
        // Storage refused (private mode, policy): the choice lasts for this visit only.
    }
}
