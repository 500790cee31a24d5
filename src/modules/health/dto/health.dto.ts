import { ApiProperty } from '@nestjs/swagger';

export enum DependencyState {
  Up = 'up',
  Down = 'down',
}

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

export class DependenciesDto {
  @ApiProperty({ enum: DependencyState, enumName: 'DependencyState', description: 'PostgreSQL: SELECT 1' })
  postgres!: DependencyState;

  @ApiProperty({ enum: DependencyState, enumName: 'DependencyState', description: 'Redis (the queue): PING' })
  redis!: DependencyState;
}

export class ReadinessDto {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';

  @ApiProperty({ type: DependenciesDto })
  dependencies!: DependenciesDto;
}
