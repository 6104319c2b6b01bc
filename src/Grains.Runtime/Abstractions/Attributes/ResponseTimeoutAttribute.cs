namespace Grains;

/// <summary>Overrides the default call deadline for one grain method, e.g. <c>[ResponseTimeout("00:00:05")]</c>.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ResponseTimeoutAttribute(string timeout) : Attribute
{
    public TimeSpan Timeout { get; } = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture);
}
