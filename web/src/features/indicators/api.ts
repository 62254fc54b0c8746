// Types of the indicators API come from the one contract the server validates with.
import type { Drill, PublicIndicators, Report, Risk } from '@domain/indicators-contract.ts';

export type { Drill, PublicIndicators, Report, Risk };
export type Headline = Report['headline'];
export type IndexScore = Report['index'];
export type TrendPoint = Report['trend'][number];
export type LateDossier = PublicIndicators['late'][number];
