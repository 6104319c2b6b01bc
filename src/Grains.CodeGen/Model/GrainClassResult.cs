namespace Grains.CodeGen.Model;

/// <summary>The outcome of reading one grain class: a model when it can be activated, and what to report either way.</summary>
internal sealed record GrainClassResult(GrainClassModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
