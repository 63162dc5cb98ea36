// Scalar's page has no language of its own; screen readers need one to choose a voice.
document.documentElement.lang = "en";
