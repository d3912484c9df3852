/**
 * A small code base that breaks every rule of {@code ArchitectureTest} on purpose, laid out like the console's
 * packages. The test runs its rules against these classes and expects each to fail, so no rule can pass by
 * matching nothing.
 */
package org.iqracity.archfixture;
