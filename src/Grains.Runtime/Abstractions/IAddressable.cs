namespace Grains;

/// <summary>Anything that can be addressed by a <see cref="GrainId"/>: grain references and grains.</summary>
public interface IAddressable;
