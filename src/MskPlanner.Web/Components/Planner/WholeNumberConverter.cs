using System.Globalization;

using MudBlazor;

namespace MskPlanner.Web.Components.Planner;

/// <summary>
/// Reads a count as typed. MudBlazor's own converter answers "Not a valid number" to 2000.5, which is a number: this
/// one says that the field takes whole numbers, and reads 2e3 as 2000 as the number fields do.
/// </summary>
public sealed class WholeNumberConverter : IReversibleConverter<int?, string?>
{
    public static readonly WholeNumberConverter Instance = new();

    public string? Convert(int? input) => input?.ToString(CultureInfo.InvariantCulture);

    public int? ConvertBack(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        if (!double.TryParse(input, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new FormatException("Not a number: type digits, such as 2000.");
        }

        if (value != Math.Floor(value))
        {
            throw new FormatException("A whole number is needed here, such as 2000.");
        }

        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new FormatException("Too large a number for this field.");
    }
}
