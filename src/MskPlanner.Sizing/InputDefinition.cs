using System.Globalization;

namespace MskPlanner.Sizing;

public enum InputSection
{
    Basic,
    Advanced,

    /// <summary>How the traffic grows month by month, and how far ahead to look.</summary>
    Growth,

    /// <summary>What the deploy files need beyond the workload: the cluster's name, version, security and logs.</summary>
    Cluster,

    /// <summary>The workload as streams, which add up to the Basic section's data, retention and partitions.</summary>
    Streams,

    /// <summary>The cluster that runs today and the move off it (<see cref="MigrationRequest"/>).</summary>
    Migration,

    /// <summary>
    /// A figure the plan derives from others, never edited in the form: read from API callers and links that give
    /// it, and shown in tables beside the inputs it comes from.
    /// </summary>
    Derived,
}

/// <summary>
/// One input of the workload, described once: its API name, label, unit, default, range, section and help. The
/// form, the page address, the API's validation, the comparison rows and the PDF all read it from here.
/// </summary>
public abstract class InputDefinition(string key, string label, string? unit, InputSection section)
{
    /// <summary>The API's (camelCase JSON) name: also the query-string key, the form field's id and the error key.</summary>
    public string Key { get; } = key;

    public string Label { get; } = label;

    public string? Unit { get; } = unit;

    public InputSection Section { get; } = section;

    /// <summary>What the form says under the field.</summary>
    public string? Help { get; init; }

    /// <summary>Added up from the streams when the plan has any: the form shows the sum and locks the field.</summary>
    public bool FromStreams { get; init; }

    /// <summary>What an empty field means ("same as average"); shown in it when empty.</summary>
    public string? Placeholder { get; init; }

    /// <summary>The label with its unit, for tables that show values without units.</summary>
    public string Heading => Unit is null ? Label : $"{Label} ({Unit})";

    /// <summary>The request's value as the page address writes it, or null when the field is empty.</summary>
    public abstract string? Text(SizingRequest request);

    /// <summary>The request's value as its own type (boxed), or null when the field is empty: what a form field shows.</summary>
    public abstract object? ValueIn(SizingRequest request);

    /// <summary>
    /// The request with this field read from the page address: absent leaves it empty (the default); text that
    /// cannot be read empties a number, so its message shows, rather than silently changing it.
    /// </summary>
    public abstract SizingRequest Read(SizingRequest request, string? text);

    /// <summary>The value a sizing used, defaults applied, as tables show it.</summary>
    public abstract string Shown(SizingInput input);

    /// <summary>The request with the value a new planner starts from.</summary>
    public abstract SizingRequest Start(SizingRequest request);

    /// <summary>
    /// The sizing's input with this input's value set, checked, or with a message added when it is wrong. Only an input
    /// with a <c>Set</c> decides its value alone; one checked against others (a peak against its average) leaves the
    /// input as it is, for <see cref="SizingRequest.Resolve"/> to check by name.
    /// </summary>
    internal abstract SizingInput CheckInto(SizingRequest request, SizingInput input, List<FieldError> errors);

    /// <summary>True when the catalog's loop checks and sets this input (it has a <c>Set</c>).</summary>
    public abstract bool ChecksItself { get; }

    private protected static SizingInput Apply<T>(Func<SizingInput, T, SizingInput>? set, SizingInput input, List<FieldError> errors, Func<List<FieldError>, T> check)
    {
        if (set is null)
        {
            return input;
        }

        var before = errors.Count;
        var value = check(errors);
        return errors.Count == before ? set(input, value) : input;
    }

    /// <summary>Three decimals, so the smallest throughput (0.001 MiB/s) reads as itself.</summary>
    internal static string Number(double value) => Figures.Number(value, "#,0.###");

    internal static bool TryReadNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    internal static bool TryReadWhole(string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
}

/// <summary>A decimal quantity: a rate, a duration or a fraction.</summary>
public sealed class NumberInput(string key, string label, string? unit, InputSection section) : InputDefinition(key, label, unit, section)
{
    public required Func<SizingRequest, double?> Get { get; init; }

    public required Func<SizingRequest, double?, SizingRequest> With { get; init; }

    public required Func<SizingInput, double?> Used { get; init; }

    public required double Min { get; init; }

    public required double Max { get; init; }

    /// <summary>The value must be above <see cref="Min"/>, not equal to it (a retention of 0 hours).</summary>
    public bool MinExcluded { get; init; }

    /// <summary>The value an empty field stands for; null when it stands for another field's value, or none.</summary>
    public double? Default { get; init; }

    public bool Required { get; init; }

    /// <summary>Empty is a valid answer of its own ("not provisioned"), so the range message offers it.</summary>
    public bool EmptyMeansNone { get; init; }

    /// <summary>The value a new planner shows; null leaves the field empty, showing its placeholder.</summary>
    public double? Starter { get; init; }

    /// <summary>How the range message names the unit, when the unit alone reads badly ("fraction").</summary>
    public string? RangeNote { get; init; }

    /// <summary>Sets the checked value on the sizing's input, for an input whose rules are its own; see <see cref="InputDefinition.CheckInto"/>.</summary>
    public Func<SizingInput, double?, SizingInput>? Set { get; init; }

    public override bool ChecksItself => Set is not null;

    internal override SizingInput CheckInto(SizingRequest request, SizingInput input, List<FieldError> errors) =>
        Apply(Set, input, errors, e => Check(Get(request), e));

    public override string? Text(SizingRequest request) => Get(request)?.ToString("R", CultureInfo.InvariantCulture);

    public override object? ValueIn(SizingRequest request) => Get(request);

    public override SizingRequest Read(SizingRequest request, string? text) =>
        With(request, text is not null && TryReadNumber(text, out var value) ? value : null);

    public override string Shown(SizingInput input) => Used(input) is { } value ? Number(value) : "none";

    public override SizingRequest Start(SizingRequest request) => With(request, Starter);

    /// <summary>
    /// The value (or <see cref="Default"/> when it is missing), or null with a message added when it is missing
    /// but required, or out of range.
    /// </summary>
    public double? Check(double? given, List<FieldError> errors)
    {
        var value = given ?? Default;
        if (value is null)
        {
            if (Required)
            {
                errors.Add(new(Key, $"{Label} is required: a number of {Unit}, at least {Number(Min)}."));
            }

            return null;
        }

        var belowMin = MinExcluded ? value <= Min : value < Min;
        if (!double.IsFinite(value.Value) || belowMin || value > Max)
        {
            errors.Add(new(Key, RangeMessage));
            return null;
        }

        return value;
    }

    private string RangeMessage =>
        $"{Label} must be {(MinExcluded ? "greater than" : "at least")} {Number(Min)} and at most {Number(Max)} {RangeNote ?? Unit}{(EmptyMeansNone ? ", or left empty" : "")}.";
}

/// <summary>A count: partitions, brokers.</summary>
public sealed class WholeNumberInput(string key, string label, string unit, InputSection section) : InputDefinition(key, label, unit, section)
{
    public required Func<SizingRequest, int?> Get { get; init; }

    public required Func<SizingRequest, int?, SizingRequest> With { get; init; }

    public required Func<SizingInput, int?> Used { get; init; }

    public required int Min { get; init; }

    public required int Max { get; init; }

    public int? Default { get; init; }

    public bool Required { get; init; }

    /// <summary>Empty is a valid answer of its own ("not known"), so the range message offers it.</summary>
    public bool EmptyMeansNone { get; init; }

    public int? Starter { get; init; }

    /// <summary>Sets the checked value on the sizing's input, for an input whose rules are its own; see <see cref="InputDefinition.CheckInto"/>.</summary>
    public Func<SizingInput, int?, SizingInput>? Set { get; init; }

    public override bool ChecksItself => Set is not null;

    internal override SizingInput CheckInto(SizingRequest request, SizingInput input, List<FieldError> errors) =>
        Apply(Set, input, errors, e => Check(Get(request), e));

    public override string? Text(SizingRequest request) => Get(request)?.ToString(CultureInfo.InvariantCulture);

    public override object? ValueIn(SizingRequest request) => Get(request);

    public override SizingRequest Read(SizingRequest request, string? text) =>
        With(request, text is not null && TryReadWhole(text, out var value) ? value : null);

    public override string Shown(SizingInput input) => Used(input) is { } value ? Number(value) : "none";

    public override SizingRequest Start(SizingRequest request) => With(request, Starter);

    public int? Check(int? value, List<FieldError> errors)
    {
        if (value is null)
        {
            if (Required)
            {
                errors.Add(new(Key, $"{Label} is required: a number of {Unit}, at least {Number(Min)}."));
            }

            return Default;
        }

        if (value < Min || value > Max)
        {
            errors.Add(new(Key, $"{Label} must be at least {Number(Min)} and at most {Number(Max)} {Unit}{(EmptyMeansNone ? ", or left empty" : "")}."));
            return null;
        }

        return value;
    }
}

/// <summary>A pick from a few whole numbers (replication factor, availability zones).</summary>
public sealed class ChoiceInput(string key, string label, InputSection section) : InputDefinition(key, label, null, section)
{
    public required Func<SizingRequest, int?> Get { get; init; }

    public required Func<SizingRequest, int?, SizingRequest> With { get; init; }

    public required Func<SizingInput, int> Used { get; init; }

    /// <summary>The allowed values with their text in the form, the first being the recommended one.</summary>
    public required IReadOnlyList<(int Value, string Text)> Options { get; init; }

    public required int Default { get; init; }

    /// <summary>Why the list is what it is, added to the message for a value not in it.</summary>
    public string? Note { get; init; }

    /// <summary>Sets the checked value on the sizing's input, for an input whose rules are its own; see <see cref="InputDefinition.CheckInto"/>.</summary>
    public Func<SizingInput, int, SizingInput>? Set { get; init; }

    public override bool ChecksItself => Set is not null;

    internal override SizingInput CheckInto(SizingRequest request, SizingInput input, List<FieldError> errors) =>
        Apply(Set, input, errors, e => Check(Get(request), e) ?? Default);

    /// <summary>Absent keeps the default; text that is not a number becomes 0, which the check then names.</summary>
    public override string? Text(SizingRequest request) => Get(request)?.ToString(CultureInfo.InvariantCulture);

    public override object? ValueIn(SizingRequest request) => Get(request);

    public override SizingRequest Read(SizingRequest request, string? text) =>
        With(request, text is null ? null : TryReadWhole(text, out var value) ? value : 0);

    public override string Shown(SizingInput input) => Number(Used(input));

    public override SizingRequest Start(SizingRequest request) => With(request, Default);

    public int? Check(int? value, List<FieldError> errors)
    {
        var chosen = value ?? Default;
        if (Options.Any(o => o.Value == chosen))
        {
            return chosen;
        }

        var allowed = Options.Select(o => o.Value).Order().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList();
        errors.Add(new(Key, $"{Label} must be {string.Join(", ", allowed[..^1])} or {allowed[^1]}{(Note is null ? "" : $" ({Note})")}."));
        return null;
    }
}

/// <summary>On or off.</summary>
public sealed class SwitchInput(string key, string label, InputSection section) : InputDefinition(key, label, null, section)
{
    public required Func<SizingRequest, bool?> Get { get; init; }

    public required Func<SizingRequest, bool?, SizingRequest> With { get; init; }

    public required Func<SizingInput, bool> Used { get; init; }

    public required bool Default { get; init; }

    /// <summary>A switch that raises a risk (sizing to the maximum) is coloured as a warning.</summary>
    public bool Cautionary { get; init; }

    /// <summary>Sets the checked value on the sizing's input, for an input whose rules are its own; see <see cref="InputDefinition.CheckInto"/>.</summary>
    public Func<SizingInput, bool, SizingInput>? Set { get; init; }

    public override bool ChecksItself => Set is not null;

    internal override SizingInput CheckInto(SizingRequest request, SizingInput input, List<FieldError> errors) =>
        Apply(Set, input, errors, e => Get(request) ?? Default);

    public override string? Text(SizingRequest request) => Get(request) is { } on ? (on ? "true" : "false") : null;

    public override object? ValueIn(SizingRequest request) => Get(request);

    /// <summary>Text that is not true or false keeps the default: a switch has no empty state to show a message in.</summary>
    public override SizingRequest Read(SizingRequest request, string? text) =>
        With(request, bool.TryParse(text, out var on) ? on : null);

    public override string Shown(SizingInput input) => Used(input) ? "on" : "off";

    public override SizingRequest Start(SizingRequest request) => With(request, Default);
}

/// <summary>The AWS region prices are read for.</summary>
public sealed class RegionInput(string key, string label, InputSection section) : InputDefinition(key, label, null, section)
{
    public required Func<SizingRequest, string?> Get { get; init; }

    public required Func<SizingRequest, string?, SizingRequest> With { get; init; }

    public required string Default { get; init; }

    /// <summary>Sets the checked value on the sizing's input, for an input whose rules are its own; see <see cref="InputDefinition.CheckInto"/>.</summary>
    public Func<SizingInput, string, SizingInput>? Set { get; init; }

    public override bool ChecksItself => Set is not null;

    internal override SizingInput CheckInto(SizingRequest request, SizingInput input, List<FieldError> errors) =>
        Apply(Set, input, errors, e => Check(Get(request), e) ?? Default);

    public override string? Text(SizingRequest request) => Get(request);

    public override object? ValueIn(SizingRequest request) => Get(request);

    public override SizingRequest Read(SizingRequest request, string? text) => With(request, string.IsNullOrWhiteSpace(text) ? null : text);

    public override string Shown(SizingInput input) => input.Region;

    public override SizingRequest Start(SizingRequest request) => With(request, Default);

    public string? Check(string? value, List<FieldError> errors)
    {
        var region = string.IsNullOrWhiteSpace(value) ? Default : value.Trim();
        if (RegionCode.IsWellFormed(region))
        {
            return region.ToLowerInvariant();
        }

        errors.Add(new(Key, $"{Label} must be an AWS region code such as us-east-1 or eu-west-1."));
        return null;
    }
}

/// <summary>A pick from named values (a Kafka version, an authentication mode); empty can mean "decided for you".</summary>
public sealed class OptionInput(string key, string label, InputSection section) : InputDefinition(key, label, null, section)
{
    public required Func<SizingRequest, string?> Get { get; init; }

    public required Func<SizingRequest, string?, SizingRequest> With { get; init; }

    public required Func<SizingInput, string?> Used { get; init; }

    /// <summary>The allowed values with their text in the form.</summary>
    public required IReadOnlyList<(string Value, string Text)> Options { get; init; }

    /// <summary>The options the rest of the request leaves open (Kafka versions for the chosen type); null leaves them all.</summary>
    public Func<SizingRequest, IReadOnlyList<(string Value, string Text)>?>? Narrow { get; init; }

    /// <summary>The options the form offers for this request.</summary>
    public IReadOnlyList<(string Value, string Text)> OptionsFor(SizingRequest request) => Narrow?.Invoke(request) ?? Options;

    /// <summary>The value an empty field stands for; null when empty is an answer of its own (see <see cref="EmptyText"/>).</summary>
    public string? Default { get; init; }

    /// <summary>What an empty field means when it has no fixed default ("the recommended pick").</summary>
    public string? EmptyText { get; init; }

    /// <summary>Sets the checked value on the sizing's input, for an input whose rules are its own; see <see cref="InputDefinition.CheckInto"/>.</summary>
    public Func<SizingInput, string?, SizingInput>? Set { get; init; }

    public override bool ChecksItself => Set is not null;

    internal override SizingInput CheckInto(SizingRequest request, SizingInput input, List<FieldError> errors) =>
        Apply(Set, input, errors, e => Check(Get(request), e));

    public override string? Text(SizingRequest request) => Get(request);

    public override object? ValueIn(SizingRequest request) => Get(request);

    public override SizingRequest Read(SizingRequest request, string? text) => With(request, string.IsNullOrWhiteSpace(text) ? null : text.Trim());

    public override string Shown(SizingInput input) => Used(input) is { } value ? TextOf(value) : EmptyText ?? "none";

    /// <summary>The form's words for a value ("IAM (recommended)" for iam).</summary>
    public string TextOf(string value) => Options.FirstOrDefault(o => o.Value == value).Text ?? value;

    public override SizingRequest Start(SizingRequest request) => request;

    /// <summary>The value (or the default), matched without regard to case; null with a message when it is not one of the options.</summary>
    public string? Check(string? given, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            return Default;
        }

        var match = Options.FirstOrDefault(o => string.Equals(o.Value, given.Trim(), StringComparison.OrdinalIgnoreCase)).Value;
        if (match is null)
        {
            var shown = Options.Count <= 8 ? string.Join(", ", Options.Select(o => o.Value)) : "one of the form's choices";
            errors.Add(new(Key, $"{Label} must be {shown}{(EmptyText is null ? "" : $", or left empty for {EmptyText}")}."));
        }

        return match;
    }
}

/// <summary>Free text with a length limit and a rule of its own (a cluster name, tags).</summary>
public sealed class TextInput(string key, string label, InputSection section) : InputDefinition(key, label, null, section)
{
    public required Func<SizingRequest, string?> Get { get; init; }

    public required Func<SizingRequest, string?, SizingRequest> With { get; init; }

    public required Func<SizingInput, string?> Used { get; init; }

    public required int MaxLength { get; init; }

    /// <summary>The text in its stored form, or a message saying what is wrong with it.</summary>
    public required Func<string, (string? Value, string? Problem)> Normalize { get; init; }

    /// <summary>A valid value, for the form's placeholder and for tests.</summary>
    public required string Example { get; init; }

    /// <summary>What an empty field means.</summary>
    public string? EmptyText { get; init; }

    /// <summary>Sets the checked value on the sizing's input, for an input whose rules are its own; see <see cref="InputDefinition.CheckInto"/>.</summary>
    public Func<SizingInput, string?, SizingInput>? Set { get; init; }

    public override bool ChecksItself => Set is not null;

    internal override SizingInput CheckInto(SizingRequest request, SizingInput input, List<FieldError> errors) =>
        Apply(Set, input, errors, e => Check(Get(request), e));

    public override string? Text(SizingRequest request) => Get(request);

    public override object? ValueIn(SizingRequest request) => Get(request);

    public override SizingRequest Read(SizingRequest request, string? text) => With(request, string.IsNullOrWhiteSpace(text) ? null : text);

    public override string Shown(SizingInput input) => Used(input) is { Length: > 0 } value ? value : EmptyText ?? "none";

    public override SizingRequest Start(SizingRequest request) => request;

    public string? Check(string? given, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            return null;
        }

        if (given.Length > MaxLength)
        {
            errors.Add(new(Key, $"{Label} must be at most {MaxLength:N0} characters."));
            return null;
        }

        var (value, problem) = Normalize(given.Trim());
        if (problem is not null)
        {
            errors.Add(new(Key, $"{Label}: {problem}"));
        }

        return value;
    }
}

/// <summary>
/// The workload as streams (<see cref="Workload"/>): in the page address as the API's JSON, in tables as a count and
/// the first names. The form draws it as the workload builder, not as one field.
/// </summary>
public sealed class StreamsInput(string key, string label, InputSection section) : InputDefinition(key, label, null, section)
{
    /// <summary>Far more than <see cref="Workload.MaxStreams"/> streams take; a longer address value is not one of ours and is not parsed.</summary>
    public const int MaxTextLength = 32 * 1024;

    /// <summary>Streams are checked with the aggregates they fill in (<see cref="SizingRequest.Resolve"/>).</summary>
    public override bool ChecksItself => false;

    internal override SizingInput CheckInto(SizingRequest request, SizingInput input, List<FieldError> errors) => input;

    public override string? Text(SizingRequest request) =>
        request.Streams is { Count: > 0 } streams ? System.Text.Json.JsonSerializer.Serialize([.. streams], AddressJson.Default.StreamRequestArray) : null;

    public override object? ValueIn(SizingRequest request) => request.Streams;

    /// <summary>Text that cannot be read drops the streams; the address also holds the aggregates they added up to, so the plan's figures stay.</summary>
    public override SizingRequest Read(SizingRequest request, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength)
        {
            return request with { Streams = null };
        }

        try
        {
            // More streams than a plan may hold is not an address this app wrote; the form would draw every one.
            var streams = System.Text.Json.JsonSerializer.Deserialize(text, AddressJson.Default.StreamRequestArray);
            return request with { Streams = streams is { Length: > 0 and <= Workload.MaxStreams } ? streams : null };
        }
        catch (System.Text.Json.JsonException)
        {
            return request with { Streams = null };
        }
    }

    public override string Shown(SizingInput input) => input.Workload is { } workload
        ? $"{Figures.Count(workload.Streams.Count, "stream")}: {string.Join(", ", workload.Streams.Take(3).Select(s => s.Name))}{(workload.Streams.Count > 3 ? ", …" : "")}"
        : "none";

    public override SizingRequest Start(SizingRequest request) => request;
}

/// <summary>
/// The "Migrating from" section (<see cref="MigrationRequest"/>): in the page address as the API's JSON, in tables as
/// one line. The form draws it as its own section, and <see cref="SizingRequest.Resolve"/> checks it.
/// </summary>
public sealed class MigrationSectionInput(string key, string label, InputSection section) : InputDefinition(key, label, null, section)
{
    /// <summary>Far more than a migration section's JSON takes; a longer address value is not one of ours and is not parsed.</summary>
    public const int MaxTextLength = 4 * 1024;

    public override bool ChecksItself => false;

    internal override SizingInput CheckInto(SizingRequest request, SizingInput input, List<FieldError> errors) => input;

    public override string? Text(SizingRequest request) =>
        request.Migration is { } migration ? System.Text.Json.JsonSerializer.Serialize(migration, AddressJson.Default.MigrationRequest) : null;

    public override object? ValueIn(SizingRequest request) => request.Migration;

    /// <summary>Text that cannot be read drops the section: the plan sizes as it would without a move.</summary>
    public override SizingRequest Read(SizingRequest request, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength)
        {
            return request with { Migration = null };
        }

        try
        {
            return request with { Migration = System.Text.Json.JsonSerializer.Deserialize(text, AddressJson.Default.MigrationRequest) };
        }
        catch (System.Text.Json.JsonException)
        {
            return request with { Migration = null };
        }
    }

    public override string Shown(SizingInput input) => input.Migration is { } move
        ? $"from {MigrationEngine.SourceText(move.Source)}, {move.ParallelRunDays} days, {MigrationEngine.ToolName(move.Tool)}"
        : "none";

    public override SizingRequest Start(SizingRequest request) => request;
}

/// <summary>The streams' and the migration section's JSON in the page address: the API's names, empty fields left out, source-generated as this assembly is trimmable.</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull, MaxDepth = 4)]
[System.Text.Json.Serialization.JsonSerializable(typeof(StreamRequest[]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(MigrationRequest))]
internal sealed partial class AddressJson : System.Text.Json.Serialization.JsonSerializerContext;
