import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';

export default function ForbiddenPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="当前账号的角色没有此页面的权限，如需使用请联系店主。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回概览
        </Button>
      }
    />
  );
}
