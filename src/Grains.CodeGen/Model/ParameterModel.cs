namespace Grains.CodeGen.Model;

/// <summary>One parameter of a grain method.</summary>
/// <param name="Name">The parameter name, escaped when it is a keyword.</param>
/// <param name="Type">The fully qualified type, with nullable annotations.</param>
/// <param name="IsValueType">Value types need no <c>default!</c> initializer on the request field.</param>
internal sealed record ParameterModel(string Name, string Type, bool IsValueType);
