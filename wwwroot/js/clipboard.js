// Copies text for a Copy button. The Clipboard API needs a secure context (https or localhost); elsewhere the
// caller says so and the user copies from the selected field.
export async function copyText(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}
