/**
 * The wire contract of breach notices (R8): an incident, who it reaches and how, the notice text, its approval by a
 * second security officer, and the per-learner, per-channel delivery records.
 */
package org.iqracity.console.api.breach;
