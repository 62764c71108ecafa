package org.carbonsink.registry.project;

/** The terrestrial ecosystems whose sinks the registry credits. */
public enum EcosystemType {
    FOREST, GRASSLAND, WETLAND, FARMLAND, SHRUBLAND, MANGROVE
}
