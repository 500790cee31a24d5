import { ApiProperty } from '@nestjs/swagger';
import { SeverityCountsDto } from './assessment-results.dto';

export class CheckCountsDto {
  @ApiProperty() passed!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() notEvaluated!: number;
  @ApiProperty() notApplicable!: number;
}

export class ScoreDto {
  @ApiProperty({ type: CheckCountsDto }) checks!: CheckCountsDto;
  @ApiProperty({ type: SeverityCountsDto }) findings!: SeverityCountsDto;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      '0–100: severity-weighted share of evaluated checks that passed; null when none was evaluated.',
  })
  score!: number | null;
}

/** One layer of the matrix: a score per CNCF lifecycle phase. */
export class PhaseScoresDto {
  @ApiProperty({ type: ScoreDto }) develop!: ScoreDto;
  @ApiProperty({ type: ScoreDto }) distribute!: ScoreDto;
  @ApiProperty({ type: ScoreDto }) deploy!: ScoreDto;
  @ApiProperty({ type: ScoreDto }) runtime!: ScoreDto;
}

/** The layer × phase heat map. */
export class ScoreMatrixDto {
  @ApiProperty({ type: PhaseScoresDto }) application!: PhaseScoresDto;
  @ApiProperty({ type: PhaseScoresDto }) orchestrator!: PhaseScoresDto;
  @ApiProperty({ type: PhaseScoresDto }) system!: PhaseScoresDto;
}

export class PrincipleScoresDto {
  @ApiProperty({ type: ScoreDto }) authentication!: ScoreDto;
  @ApiProperty({ type: ScoreDto }) authorization!: ScoreDto;
  @ApiProperty({ type: ScoreDto }) auditing!: ScoreDto;
  @ApiProperty({ type: ScoreDto }) admission!: ScoreDto;
  @ApiProperty({ type: ScoreDto, name: 'least-privilege' }) 'least-privilege'!: ScoreDto;
  @ApiProperty({ type: ScoreDto, name: 'zero-trust' }) 'zero-trust'!: ScoreDto;
  @ApiProperty({ type: ScoreDto }) isolation!: ScoreDto;
}

export class FrameworkScoreDto {
  @ApiProperty({ type: CheckCountsDto }) checks!: CheckCountsDto;
  @ApiProperty({ type: Number, nullable: true, description: 'passed / (passed + failed), 0–1.' })
  passRate!: number | null;
}

export class FrameworkScoresDto {
  @ApiProperty({ type: FrameworkScoreDto }) cis!: FrameworkScoreDto;
  @ApiProperty({ type: FrameworkScoreDto }) nsa!: FrameworkScoreDto;
  @ApiProperty({ type: FrameworkScoreDto }) mitre!: FrameworkScoreDto;
  @ApiProperty({ type: FrameworkScoreDto }) polaris!: FrameworkScoreDto;
  @ApiProperty({ type: FrameworkScoreDto }) kubescape!: FrameworkScoreDto;
}

export class ScoresDto {
  @ApiProperty({ type: ScoreDto }) overall!: ScoreDto;
  @ApiProperty({ type: ScoreMatrixDto }) matrix!: ScoreMatrixDto;
  @ApiProperty({ type: PrincipleScoresDto }) principles!: PrincipleScoresDto;
  @ApiProperty({ type: FrameworkScoresDto }) frameworks!: FrameworkScoresDto;
}
