import { Card, Result } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';

/** Placeholder for a page that later work fills in. */
export default function ComingSoon({ title }: { title: string }) {
  return (
    <Card title={title}>
      <Result icon={<ClockCircleOutlined />} title="即将上线" subTitle={`${title}功能正在开发中，敬请期待。`} />
    </Card>
  );
}
