import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ErrorBody } from '../../common/errors/error-body';
import { Public } from '../auth/auth.decorators';
import { LivenessDto, ReadinessDto } from './dto/health.dto';
import { ReadinessService } from './readiness.service';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('live')
  @Public('probe')
  @ApiOkResponse({ type: LivenessDto, description: 'The process is running.' })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public('probe')
  @ApiOkResponse({ type: ReadinessDto, description: 'PostgreSQL and Redis answer.' })
  @ApiServiceUnavailableResponse({
    type: ErrorBody,
    description: 'DATABASE_UNAVAILABLE or QUEUE_UNAVAILABLE; `details.dependencies` says which is down.',
  })
  async ready(): Promise<ReadinessDto> {
    return { status: 'ok', dependencies: await this.readiness.assertReady() };
  }
}
