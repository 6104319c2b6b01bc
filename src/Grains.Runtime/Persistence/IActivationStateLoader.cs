namespace Grains.Runtime.Catalog;

/// <summary>A persistent state an activation reads before its grain's OnActivateAsync.</summary>
internal interface IActivationStateLoader
{
    Task LoadAsync(CancellationToken cancellationToken);
}
