using Microsoft.CodeAnalysis;

namespace Grains.CodeGen;

/// <summary>The errors the grain generator reports. Every one stops code generation for the type it is about.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Grains";

    public static readonly DiagnosticDescriptor OverloadedMethod = Error(
        "GRAINS001",
        "Grain method names must be unique",
        "Grain interface '{0}' declares more than one method named '{1}'; overloads cannot be told apart on the wire, so rename one or give it an [Alias]");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
        "GRAINS002",
        "Grain methods must return an awaitable",
        "Grain method '{0}' returns '{1}'; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>");

    public static readonly DiagnosticDescriptor GenericMethod = Error(
        "GRAINS003",
        "Grain methods cannot be generic",
        "Grain method '{0}' is generic; generic grain methods are not supported");

    public static readonly DiagnosticDescriptor ByRefParameter = Error(
        "GRAINS004",
        "Parameters cannot be passed by reference",
        "Parameter '{0}' of '{1}' is passed by reference ({2}); arguments are sent as messages, so only by-value parameters are supported");

    public static readonly DiagnosticDescriptor GenericInterface = Error(
        "GRAINS005",
        "Grain interfaces cannot be generic",
        "Grain interface '{0}' is or extends the generic interface '{1}'; generic grain interfaces are not supported");

    public static readonly DiagnosticDescriptor NoPublicConstructor = Error(
        "GRAINS006",
        "Grain classes need a public constructor",
        "Grain class '{0}' has no public constructor; the runtime can only activate it through one");

    public static readonly DiagnosticDescriptor UnsupportedMember = Error(
        "GRAINS007",
        "Grain interfaces may only declare methods",
        "Grain interface member '{0}' is a {1}; grain interfaces may only declare instance methods (members with a default body and non-abstract static members are allowed and run locally)");

    public static readonly DiagnosticDescriptor InvalidResponseTimeout = Error(
        "GRAINS008",
        "Response timeout is not a valid time span",
        "The response timeout '{0}' of grain method '{1}' is not a positive time span such as \"00:00:05\"");

    public static readonly DiagnosticDescriptor PersistentStateParameterType = Error(
        "GRAINS009",
        "[PersistentState] needs an IPersistentState<TState> parameter",
        "Parameter '{0}' of grain class '{1}' has [PersistentState] but its type is '{2}'; it must be Grains.IPersistentState<TState>");

    public static readonly DiagnosticDescriptor PersistentStateNotCreatable = Error(
        "GRAINS010",
        "Persistent state types need a public parameterless constructor",
        "State type '{0}' of parameter '{1}' of grain class '{2}' needs a public parameterless constructor so an empty state can be created");

    public static readonly DiagnosticDescriptor UnsupportedParameterType = Error(
        "GRAINS011",
        "Parameter type cannot be sent",
        "Parameter '{0}' of grain method '{1}' has type '{2}', which cannot be stored in a request (pointers and ref structs are not supported)");

    public static readonly DiagnosticDescriptor InaccessibleType = Error(
        "GRAINS012",
        "Grain types must be accessible to generated code",
        "'{0}' is private or protected; grain interfaces and grain classes must be public or internal, and so must the types containing them");

    public static readonly DiagnosticDescriptor DuplicateInterfaceName = Error(
        "GRAINS013",
        "Grain interface wire names must be unique",
        "Grain interfaces '{0}' and '{1}' share the wire name '{2}'; give one of them a different [Alias]");

    public static readonly DiagnosticDescriptor GenericGrainClass = Error(
        "GRAINS014",
        "Grain classes cannot be generic",
        "Grain class '{0}' is generic; only closed, non-generic grain classes can be activated");

    public static readonly DiagnosticDescriptor CancellationTokenParameter = Error(
        "GRAINS015",
        "Grain methods cannot take a CancellationToken",
        "Parameter '{0}' of grain method '{1}' is a CancellationToken; a call's deadline is its response timeout ([ResponseTimeout] or WithResponseTimeout), and cancellation does not cross the call path");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
